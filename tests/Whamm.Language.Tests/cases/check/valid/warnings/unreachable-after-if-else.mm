fn f(x: u32) -> u32 {
    if (x > 1) { return 1; } else { return 2; }
    return 3;
}
wasm:begin { }
