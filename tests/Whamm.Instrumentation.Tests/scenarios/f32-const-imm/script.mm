var quarter: u32;
var sum: f32;
wasm:opcode:f32.const:before { sum = sum + imm0; }
wasm:opcode:f32.const:before / imm0 == 0.25 / { quarter++; }
