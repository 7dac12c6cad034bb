var counts: map<u32, u32>;
wasm:opcode:call:before { counts[fname]++; }
