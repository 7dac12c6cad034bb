// Assigning string literals to a str global; len() of a literal folds.
report var last: str = "none";
var length: u32;
wasm:opcode:call:before / imm0 == 0 / { last = "add"; length = "add".len(); }
wasm:opcode:call:before / imm0 == 1 / { last = "twice"; }
