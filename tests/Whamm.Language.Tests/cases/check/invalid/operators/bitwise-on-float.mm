var f: f32;
wasm:begin { f = f & 1.0; }
