wasm:opcode:call:before / fid && pc / { }
