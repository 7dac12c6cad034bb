wasm:opcode:call(res0: i32):before / res0 == 0 / { }
