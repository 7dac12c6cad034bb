var n: u32 = "12";
wasm:begin { }
