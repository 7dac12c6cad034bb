wasm:opcode:call:before {
    unshared var a: u32 = 1;
    unshared var b: u32 = a;
}
