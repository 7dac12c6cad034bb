wasm:opcode:i32.store:alt { return 0; }
