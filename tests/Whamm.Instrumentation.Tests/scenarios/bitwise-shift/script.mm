var bits: u32;
var sh: i32 = -64;
wasm:opcode:call:before { bits = (bits << 1) | 1; sh = sh >> 1; }
