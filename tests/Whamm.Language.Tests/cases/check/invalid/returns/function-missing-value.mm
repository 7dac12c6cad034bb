fn f() -> u32 { return; }
wasm:begin { }
