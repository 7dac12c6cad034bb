var last: (u32, u32);
wasm:opcode:call:before / (fid, pc) != last / {
    last = (fid, pc);
}
