unshared var counter: u32;
wasm:begin { }
