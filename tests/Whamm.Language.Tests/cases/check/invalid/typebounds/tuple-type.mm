wasm:opcode:call(arg0: (i32, i32)):before { }
