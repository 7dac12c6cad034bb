// Arithmetic on literals takes the context's type as a whole.
var mask: u16 = (1 << 12) - 1;
var kib: u64 = 1024 * 1024 * 1024 * 8;
var half: f64 = 1 / 2.0;
wasm:begin { }
