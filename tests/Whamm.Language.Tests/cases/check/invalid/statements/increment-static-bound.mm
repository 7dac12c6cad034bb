wasm:opcode:call:before { pc++; }
