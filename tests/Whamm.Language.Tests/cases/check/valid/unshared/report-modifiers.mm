wasm:opcode:call:before {
    report var a: u32;
    report unshared var b: u32;
    unshared report var c: u32;
    unshared var d: u32;
    a++; b++; c++; d++;
}
