var n: u32;
wasm:opcode:call:before { n[fid] = 1; }
