// A group of a call-free loop that adds to several per-site counters of one type holds one local counting its runs;
// after the loop each counter gets the runs times its amount (taken's -1 in the fall-through group included).
wasm:opcode:br_if:before {
    report var taken: u32;
    report var total: u64;
    report var twice: u32;
    taken = taken + (arg0 != 0) as u32;
    total++;
    twice = twice + 2;
}
wasm:opcode:i32.add:before { report var adds: u32; report var weighted: u32; adds++; weighted = weighted + 7; }
