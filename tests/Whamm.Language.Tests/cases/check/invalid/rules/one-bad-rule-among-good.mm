report var n: u32;
wasm:opcode:call:before { n++; }
wasm:opcode:calll:before { n++; }
