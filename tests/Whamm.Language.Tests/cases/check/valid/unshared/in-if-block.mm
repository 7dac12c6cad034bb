wasm:opcode:br_if:before {
    if (arg0 != 0) {
        report unshared var taken: u32;
        taken++;
    } else {
        report unshared var fallthrough: u32;
        fallthrough++;
    }
}
