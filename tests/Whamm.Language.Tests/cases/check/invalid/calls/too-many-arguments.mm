fn one(a: u32) -> u32 { return a; }
wasm:opcode:call:before { var x: u32 = one(fid, pc); }
