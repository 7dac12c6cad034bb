// Hot functions: how often each function is entered, and how many
// instructions run inside it.

var entries: map<u32, u64>;
var instructions: map<u32, u64>;

wasm:func:entry {
    entries[fid]++;
}

wasm:opcode:*:before {
    instructions[fid]++;
}
