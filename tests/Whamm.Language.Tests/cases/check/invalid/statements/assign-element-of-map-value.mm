var m: map<u32, (u32, u32)>;
wasm:opcode:call:before { m[fid].0 = 1; }
