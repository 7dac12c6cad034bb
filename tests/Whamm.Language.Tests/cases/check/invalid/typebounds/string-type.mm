wasm:opcode:call(arg0: str):before { }
