wasm:opcode:end:alt { }
