var f: f32 = 1.5;
var d: f64 = f;
wasm:begin { }
