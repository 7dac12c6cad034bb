// Which br_table arm is taken, per site.
wasm:opcode:br_table:before {
    unshared var arms: map<u32, u32>;
    arms[target]++;
    report unshared var defaults: u32;
    if (target == num_targets) {
        defaults++;
    }
}
