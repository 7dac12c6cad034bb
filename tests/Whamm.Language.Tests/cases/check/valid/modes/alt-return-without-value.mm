wasm:opcode:call:alt {
    drop_args();
    return;
}
