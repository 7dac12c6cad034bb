// Call graph: how often each (caller, callee) edge was taken, callers and callees by function index.
report var g: map<(u32, u32), u32>;
// A direct call names its callee.
wasm:opcode:call|return_call:before { g[(fid, imm0)]++; }
// An indirect call leaves its caller here and the callee's entry records the edge (-1: no indirect call pending).
var caller: i32 = -1;
wasm:opcode:call_indirect|return_call_indirect:before { caller = fid as i32; }
wasm:func:entry / caller != -1 / {
    g[(caller as u32, fid)]++;
    caller = -1;
}
// A callee without an entry probe (an import) left the caller pending: drop it, it must not name the next entry.
wasm:opcode:call_indirect:after { caller = -1; }
