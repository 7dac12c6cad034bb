var taken: u32;
var not_taken: u32;
var brs: u32;
wasm:opcode:br_if(arg0: i32):before { if (arg0 != 0) { taken++; } else { not_taken++; } }
wasm:opcode:br:before { brs++; }
