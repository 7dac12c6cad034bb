var total: u32;
wasm:opcode:local.get:before / imm0 == 1 / { var t: u32; t = t + 1; total = total + t; }
