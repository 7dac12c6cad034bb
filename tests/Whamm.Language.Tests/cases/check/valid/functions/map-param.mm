fn bump(m: map<u32, u32>, k: u32) { m[k]++; }
var counts: map<u32, u32>;
wasm:opcode:call:before { bump(counts, fid); }
