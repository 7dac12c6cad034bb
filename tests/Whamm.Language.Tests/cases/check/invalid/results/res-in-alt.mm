wasm:opcode:i32.load:alt / res0 == 0 / { }
