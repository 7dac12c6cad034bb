var base: u32 = 100;
wasm:opcode:call:before {
    unshared var first: u32 = base;
}
