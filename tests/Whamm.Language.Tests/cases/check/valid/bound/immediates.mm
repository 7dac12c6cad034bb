var constants: map<i32, u32>;
var big: map<i64, u32>;
wasm:opcode:i32.const:before { constants[imm0]++; }
wasm:opcode:i64.const:before { big[imm0]++; }
wasm:opcode:local.get:before { var idx: u32 = imm0; }
wasm:opcode:f64.const:before { var v: f64 = imm0; }
