wasm:opcode:call:before {
    var w: u64 = 1;
    w = w << 63;
    var s: i8 = -128;
    s = s >> 7;
}
