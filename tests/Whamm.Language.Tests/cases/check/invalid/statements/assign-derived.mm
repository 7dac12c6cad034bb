wasm:opcode:i32.load:before { effective_addr = 0; }
