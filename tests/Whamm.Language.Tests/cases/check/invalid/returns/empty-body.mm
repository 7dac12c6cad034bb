fn f() -> bool { }
wasm:begin { }
