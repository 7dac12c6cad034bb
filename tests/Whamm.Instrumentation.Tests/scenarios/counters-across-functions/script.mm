var calls: u64;
var muls: u32;
var fadds: u32;
var fdivs: u32;
wasm:opcode:call:before { calls++; }
wasm:opcode:i64.mul:before { muls++; }
wasm:opcode:f32.add:after { fadds++; }
wasm:opcode:f64.div:after { fdivs++; }
