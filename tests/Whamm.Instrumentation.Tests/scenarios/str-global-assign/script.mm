// Assigning string literals to a str global.
report var last: str = "none";
wasm:opcode:call:before / imm0 == 0 / { last = "add"; }
wasm:opcode:call:before / imm0 == 1 / { last = "twice"; }
