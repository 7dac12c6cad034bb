var l: u32 = "hello".len();
wasm:begin { }
