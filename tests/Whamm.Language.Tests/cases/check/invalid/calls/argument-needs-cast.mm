fn wide(a: u64) -> u64 { return a; }
wasm:opcode:call:before { var x: u64 = wide(fid); }
