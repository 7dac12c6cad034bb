var first_call_seen: u32;
var consts10: u32;
wasm:opcode:i32.const:before / imm0 == 10 / { consts10++; }
wasm:opcode:call:before / imm0 == 0 && pc > 0 / { first_call_seen++; }
