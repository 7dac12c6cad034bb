wasm:opcode:br|br_if|br_table:at_target {
    report unshared var arrivals: u32;
    arrivals++;
}
