var small: u32;
var calls: u32;
wasm:opcode:call(arg0: i32):before { calls++; if (arg0 > 2) { return; } small++; }
