// Remove every `nop` and replace unreachable traps by a counter.
report var removed: u32;

wasm:opcode:nop:alt {
    removed++;
}

wasm:opcode:unreachable:alt {
    report unshared var would_trap: u32;
    would_trap++;
}
