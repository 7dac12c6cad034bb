fn compute() -> u32 { return 3; }
wasm:opcode:call:before {
    unshared var n: u32 = compute();
}
