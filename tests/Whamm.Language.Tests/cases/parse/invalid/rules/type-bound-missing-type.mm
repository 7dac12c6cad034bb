wasm:opcode:call(arg0):before { }
