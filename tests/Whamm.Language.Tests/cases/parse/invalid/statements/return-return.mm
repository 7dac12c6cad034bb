fn f() -> i32 {
    return return;
}
wasm:begin { }
