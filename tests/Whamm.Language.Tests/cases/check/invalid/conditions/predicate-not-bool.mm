wasm:opcode:call:before / fid / { }
