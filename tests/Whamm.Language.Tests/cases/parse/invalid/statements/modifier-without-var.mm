wasm:opcode:call:before {
    report count: u32;
}
