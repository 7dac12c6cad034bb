wasm:opcode:call(arg0: i64):before / arg0 > fid / { }
