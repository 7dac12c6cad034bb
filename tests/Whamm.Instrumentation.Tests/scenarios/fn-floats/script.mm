// Float parameters and results.
var area: f64;
var half: f32;
fn circle(r: f64) -> f64 { return 3.0 * r * r; }
fn halve(x: f32) -> f32 { return x / 2.0; }
wasm:opcode:call(arg0: i32):before { area = area + circle(arg0 as f64); half = halve(arg0 as f32); }
