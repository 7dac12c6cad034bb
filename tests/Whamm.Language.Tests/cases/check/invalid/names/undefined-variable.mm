wasm:opcode:call:before {
    count++;
}
