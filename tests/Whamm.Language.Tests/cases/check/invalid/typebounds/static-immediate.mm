wasm:opcode:call(imm0: i32):before { }
