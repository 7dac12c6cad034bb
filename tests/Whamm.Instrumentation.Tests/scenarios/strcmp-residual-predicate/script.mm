// The static half of the predicate folds per site (only calls of `syscall` keep code), strcmp stays as the residual test.
var opens: u32;
wasm:opcode:call(arg0: i32, arg1: i32):before / target_fn_name == "syscall" && strcmp((arg1, arg0), "open") / { opens++; }
