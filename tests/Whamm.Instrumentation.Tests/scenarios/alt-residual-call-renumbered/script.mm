// A residual alt re-runs the original call when the predicate is false. The report variable links the core
// library, which adds an fd_write import and so renumbers every function: the re-emitted call must follow.
report var replaced: u32;
var seen: i32;
wasm:opcode:call(arg0: i32, arg1: i32):alt / arg0 == 3 / { replaced++; return arg1 - arg0; }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0; }
