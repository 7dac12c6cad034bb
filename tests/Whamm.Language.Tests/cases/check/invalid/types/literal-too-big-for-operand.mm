wasm:opcode:i32.add(arg0: u8):before / arg0 == 300 / { }
