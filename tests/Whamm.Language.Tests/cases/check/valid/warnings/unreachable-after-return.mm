fn f() -> u32 {
    return 1;
    var x: u32 = 2;
    return x;
}
wasm:opcode:call:before {
    return;
    whamm_core.putc(65);
}
