var q: f64;
var n: u32;
wasm:opcode:f64.div(arg0: f64, arg1: f64):before / arg0 > 0.5 / { q = q + arg1 / arg0; n++; }
