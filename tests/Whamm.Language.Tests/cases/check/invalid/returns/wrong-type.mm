fn f() -> u32 { return "one"; }
wasm:begin { }
