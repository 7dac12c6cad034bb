var d: f64 = -3.5 % 1;
var s: f32 = 7.0 % 2.0;
wasm:begin { }
