wasm:opcode:call(arg0: map<u32, u32>):before { }
