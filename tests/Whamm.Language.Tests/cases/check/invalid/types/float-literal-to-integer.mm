var i: i32 = 2.5;
wasm:begin { }
