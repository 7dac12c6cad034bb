var counter: u32;
wasm:opcode:call:before { counter(); }
