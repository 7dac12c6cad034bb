var b: u8 = 256;
wasm:begin { }
