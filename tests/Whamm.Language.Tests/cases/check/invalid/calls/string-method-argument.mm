wasm:opcode:call:before / fname.starts_with(1) / { }
