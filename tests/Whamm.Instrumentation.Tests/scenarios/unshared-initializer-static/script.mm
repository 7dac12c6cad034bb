// Per-site initialisers use static values only and are set once, before the program runs.
wasm:opcode:call:before {
    report unshared var callee: u32 = imm0;
    report unshared var hits: u32 = 100;
    hits++;
}
