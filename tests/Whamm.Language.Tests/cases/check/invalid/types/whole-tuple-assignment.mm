var pair: (i32, i32);
wasm:begin { pair = (1, 2, 3); }
