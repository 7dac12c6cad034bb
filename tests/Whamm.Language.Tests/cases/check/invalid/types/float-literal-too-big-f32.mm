var f: f32 = 1e39;
wasm:begin { }
