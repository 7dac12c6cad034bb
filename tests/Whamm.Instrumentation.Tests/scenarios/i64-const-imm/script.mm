var big: u32;
var imm_sum: i64;
wasm:opcode:i64.const:before { imm_sum = imm_sum + imm0; }
wasm:opcode:i64.const:before / imm0 > 1000000000 / { big++; }
