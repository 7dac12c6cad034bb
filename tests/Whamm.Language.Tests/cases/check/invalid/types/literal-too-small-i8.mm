var b: i8 = -129;
wasm:begin { }
