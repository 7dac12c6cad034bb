var d: f64;
wasm:begin { d = d << 1; }
