var n: u32;
wasm:opcode:call:alt { n++; }
