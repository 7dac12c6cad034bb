wasm:opcode:call:before / arg0 == 0 / { }
