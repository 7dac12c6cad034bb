fn f(a: i32,) {
}
wasm:begin { }
