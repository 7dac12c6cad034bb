fn twice(a: u32) -> u32 { return a * 2; }
wasm:opcode:call:before { var x: u32 = twice(fname); }
