// A direct-mapped cache simulator: 64-byte lines, 256 sets.
var tags: map<u32, u32>;
var valid: map<u32, bool>;
report var hits: u64;
report var misses: u64;

fn set_of(addr: u32) -> u32 {
    return (addr >> 6) & 0xFF;
}

fn tag_of(addr: u32) -> u32 {
    return addr >> 14;
}

wasm:opcode:*load*|*store*:before {
    var addr: u32 = effective_addr;
    var set: u32 = set_of(addr);
    if (valid[set] && tags[set] == tag_of(addr)) {
        hits++;
    } else {
        misses++;
        valid[set] = true;
        tags[set] = tag_of(addr);
    }
}
