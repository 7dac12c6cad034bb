var pair: (i32, i32) = (1, 2, 3);
wasm:begin { }
