wasm:opcodes:call:before { }
