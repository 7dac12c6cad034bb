wasm:opcode:call:alt / fid == 0 / { }
