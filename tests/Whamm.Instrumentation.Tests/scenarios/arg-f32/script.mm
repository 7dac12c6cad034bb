var total: f32;
var last: f32;
wasm:opcode:f32.add(arg0: f32, arg1: f32):before { total = arg0 + arg1; last = arg0; }
