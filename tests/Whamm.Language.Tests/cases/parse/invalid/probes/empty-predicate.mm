wasm:opcode:call:before / / {
}
