wasm:opcode:memory.grow:before / failed / { }
