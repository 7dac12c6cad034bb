var calls: map<u32, u32>;
wasm:opcode:call:before {
    calls[imm0]++;
    calls[imm0] = calls[imm0] + 1;
}
