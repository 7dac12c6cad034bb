fn f() { report var hits: u32; }
wasm:begin { }
