wasm:opcode:call:before {
    if (pc) { }
}
