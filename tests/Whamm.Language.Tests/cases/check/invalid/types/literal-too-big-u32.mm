var w: u32 = 4294967296;
wasm:begin { }
