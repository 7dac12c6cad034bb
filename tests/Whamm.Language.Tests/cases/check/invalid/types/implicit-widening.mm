wasm:opcode:call:before {
    var wide: u64 = fid;
}
