wasm:opcode { }
