wasm:opcode:call:at_target { }
