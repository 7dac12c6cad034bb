var n: u32;
wasm(local0: i32):opcode:loop:alt / local0 > 4 / { n++; }
