fn f(a, b: i32) -> i32 {
    return b;
}
wasm:begin { }
