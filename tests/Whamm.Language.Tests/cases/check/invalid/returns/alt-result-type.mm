wasm:opcode:i32.load:alt { return 0.5; }
