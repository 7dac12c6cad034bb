// Direct recursion: a function calling itself.
wasm:opcode:call:before / imm0 == fid / {
    report unshared var self_calls: u32;
    self_calls++;
}
