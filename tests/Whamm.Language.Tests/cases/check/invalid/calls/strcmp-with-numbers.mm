wasm:opcode:call:before / strcmp(fid, "main") / { }
