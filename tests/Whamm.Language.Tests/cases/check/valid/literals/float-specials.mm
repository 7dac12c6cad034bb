var pos: f64 = inf;
var neg: f32 = -infinity;
var not_a_number: f64 = NaN;
wasm:begin { }
