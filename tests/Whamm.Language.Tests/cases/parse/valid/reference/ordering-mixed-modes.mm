// §2.1 injection order: before/after/alt first, then special modes
var trace: map<u32, u32>;
var n: u32;
wasm:opcode:block:entry { n++; trace[n] = 1; }
wasm:opcode:block:before { n++; trace[n] = 2; }
wasm:opcode:block:exit { n++; trace[n] = 3; }
wasm:opcode:block:after { n++; trace[n] = 4; }
