// Hot functions: how often each function is entered, and how many
// instructions run inside it (both keyed by function index).

report var entries: map<u32, u64>;
report var instructions: map<u32, u64>;

wasm:func:entry {
    entries[fid]++;
}

wasm:opcode:*:before {
    instructions[fid]++;
}
