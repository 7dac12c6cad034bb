wasm:opcode:call:before:extra { }
