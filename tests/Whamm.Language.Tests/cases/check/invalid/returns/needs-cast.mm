fn f(x: u32) -> u64 { return x; }
wasm:begin { }
