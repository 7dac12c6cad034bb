var site: (u32, u32);
wasm:opcode:call:before {
    site = (fid, pc);
}
