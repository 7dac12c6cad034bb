// A float literal in an f64 context keeps its f64 value; in an f32 context it is f32.
var precise: f64 = 0.1;
var single: f32 = 0.1;
var huge: f64 = 1e300;
var tiny: f32 = 1.5e-40;
wasm:begin { }
