var x: i32 = 1 2 3;
x = = 4;
wasm:begin { }
