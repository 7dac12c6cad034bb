wasm:opcode:br_if:before {
    report unshared var taken: u32;
    report unshared var not_taken: u32;
    if (arg0 != 0) { taken++; } else { not_taken++; }
}
