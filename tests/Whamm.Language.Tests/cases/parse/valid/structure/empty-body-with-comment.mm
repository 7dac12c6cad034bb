wasm:opcode:call:alt {
    // intentionally empty: deletes the instruction
}
