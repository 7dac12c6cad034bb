wasm:opcode:call:before {
    var site: (u32, u64) = (fid, pc);
}
