report var histogram: map<u32, u64>;
wasm:opcode:memory.grow:after {
    histogram[arg0]++;
}
