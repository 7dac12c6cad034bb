// Loop tracer: iterations per loop header.
wasm:opcode:loop:entry {
    report unshared var iterations: u64;
    iterations++;
}

wasm:opcode:loop:after {
    report unshared var exits: u32;
    exits++;
}
