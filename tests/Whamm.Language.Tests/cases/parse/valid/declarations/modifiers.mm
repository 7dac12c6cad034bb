report var total: u64;
wasm:opcode:call:before {
    report var a: u32;
    unshared var b: u32;
    report unshared var c: u32;
    unshared report var d: u32 = 7;
    var e: u32 = a + b + c + d;
}
