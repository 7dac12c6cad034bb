wasm:opcode:cal:before { }
