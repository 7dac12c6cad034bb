// Static resolved_fid: ref.func's immediate, and at table.set/call_ref a ref.func just before (else -1). Folding it
// decides which sites get code; no shadow table is needed for these.
var refs_to_f2: u32;
var known_call_refs: u32;
var unknown_call_refs: u32;
var sets_of_f1: u32;
wasm:opcode:ref.func:before / resolved_fid == 1 / { refs_to_f2++; }
wasm:opcode:call_ref:before / resolved_fid >= 0 / { known_call_refs++; }
wasm:opcode:call_ref:before / resolved_fid == -1 / { unknown_call_refs++; }
wasm:opcode:table.set:before / resolved_fid == 0 / { sets_of_f1++; }
