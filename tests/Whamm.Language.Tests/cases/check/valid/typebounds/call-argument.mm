wasm:opcode:call(arg0: i32):before / arg0 > 0 / { }
