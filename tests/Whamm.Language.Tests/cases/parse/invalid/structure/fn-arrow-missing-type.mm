fn f() -> {
    return;
}
wasm:begin { }
