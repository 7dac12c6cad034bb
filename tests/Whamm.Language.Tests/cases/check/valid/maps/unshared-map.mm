wasm:opcode:br_table:before {
    unshared var arms: map<u32, u32>;
    arms[target]++;
}
