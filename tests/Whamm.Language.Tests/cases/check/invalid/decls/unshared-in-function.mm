fn f() { unshared var hits: u32; }
wasm:begin { }
