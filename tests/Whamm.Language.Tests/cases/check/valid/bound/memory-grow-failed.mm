report var failures: u32;
wasm:opcode:memory.grow:after / failed / {
    failures++;
}
