var a: (i32, i64;
wasm:begin { }
