fn clamp(x: u8, lo: u8, hi: u8) -> u8 {
    if (x < lo) { return lo; }
    if (x > hi) { return hi; }
    return x;
}
wasm:opcode:call:before {
    var c: u8 = clamp(200, 10, 100);
}
