wasm:opcode:call():before { }
