wasm:opcode:call:before { testlib.init(); }
