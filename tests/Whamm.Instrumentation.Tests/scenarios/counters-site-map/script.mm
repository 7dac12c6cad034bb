// A per-site map its probe only adds to, keyed by a value with few possible values at the site (`target` at a
// br_table of 3 targets: 0..3, 3 for out-of-range operands), is an array of counters added to the map at exit
// (DenseMapCounters.EmitSiteAdd), for u32 and u64 values and amounts other than one; a per-site map its probe reads
// stays a map. Over i = 0..19 the operand i % 6 picks targets 0 and 1 four times, 2 three times and the default, 3, nine
// times (i % 6 = 3..5).
wasm:opcode:br_table:before {
    report var chosen: map<u32, u32>;
    report var weighted: map<u32, u64>;
    report var read: map<u32, u32>;
    chosen[target]++;
    weighted[target] = weighted[target] + 10;
    if (read[target] < 2) { read[target]++; }
}
