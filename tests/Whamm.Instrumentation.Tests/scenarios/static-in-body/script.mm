var pcs: u32;
var ids: u32;
wasm:opcode:call:before { pcs = pcs + pc; ids = ids + fid * 100; }
