wasm:opcode:call { }
