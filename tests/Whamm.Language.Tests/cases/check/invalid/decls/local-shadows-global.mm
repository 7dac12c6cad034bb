var count: u32;
wasm:opcode:call:before { var count: u32 = 0; }
