wasm:opcode:call(arg0: int):before { }
