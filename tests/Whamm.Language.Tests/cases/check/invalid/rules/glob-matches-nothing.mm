wasm:opcode:*.frobnicate:before { }
