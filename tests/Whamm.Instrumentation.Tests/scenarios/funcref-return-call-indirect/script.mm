// return_call_indirect resolves too; the predicate on resolved_fid stays a run-time test.
var to_inc: u32;
var to_double: u32;
wasm:opcode:return_call_indirect:before / resolved_fid == 1 / { to_inc++; }
wasm:opcode:return_call_indirect:before / resolved_fid == 0 / { to_double++; }
