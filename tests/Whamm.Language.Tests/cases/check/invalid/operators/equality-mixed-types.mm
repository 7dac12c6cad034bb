wasm:opcode:call:before / fname == fid / { }
