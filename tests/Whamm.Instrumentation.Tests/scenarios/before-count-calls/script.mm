var calls: u32;
wasm:opcode:call:before { calls++; }
