wasm:opcode:call(arg0: i32 arg1: i32):before { }
