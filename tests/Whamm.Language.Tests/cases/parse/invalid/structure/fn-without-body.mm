fn f() -> i32;
wasm:begin { }
