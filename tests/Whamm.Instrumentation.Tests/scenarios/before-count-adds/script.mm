var adds: u32;
wasm:opcode:i32.add:before { adds++; }
