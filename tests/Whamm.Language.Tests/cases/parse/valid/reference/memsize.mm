wasm:opcode:memory.grow:after {
    report unshared var pages_now: u32;
    pages_now = mem_size(0);
}
