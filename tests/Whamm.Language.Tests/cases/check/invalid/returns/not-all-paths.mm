fn f(x: u32) -> u32 {
    if (x > 1) { return 1; }
}
wasm:begin { }
