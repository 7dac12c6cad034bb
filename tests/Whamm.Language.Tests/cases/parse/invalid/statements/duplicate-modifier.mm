wasm:opcode:call:before {
    report report var a: u32;
    unshared unshared var b: u32;
    report unshared report var c: u32;
}
