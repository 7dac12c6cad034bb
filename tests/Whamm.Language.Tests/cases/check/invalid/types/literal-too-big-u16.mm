var h: u16 = 70000;
wasm:begin { }
