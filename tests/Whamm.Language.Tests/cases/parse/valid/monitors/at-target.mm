// What executes after each taken branch.
wasm:opcode:br|br_if:at_target {
    report unshared var arrivals: u32;
    arrivals++;
}
