wasm:opcode:call:before / enabled / { }
