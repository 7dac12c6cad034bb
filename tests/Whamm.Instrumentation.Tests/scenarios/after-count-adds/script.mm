var adds: u32;
wasm:opcode:i32.add:after { adds = adds + 1; }
