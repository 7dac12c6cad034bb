fn f(x: u32, x: u32) { }
wasm:begin { }
