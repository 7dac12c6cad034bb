// How often select picks its first operand.
wasm:opcode:select(arg0: i32):before {
    report unshared var first: u32;
    report unshared var second: u32;
    if (arg0 != 0) { first++; } else { second++; }
}
