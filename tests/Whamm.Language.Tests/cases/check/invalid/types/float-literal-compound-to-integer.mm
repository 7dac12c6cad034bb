var i: u32 = 1 + 0.5;
wasm:begin { }
