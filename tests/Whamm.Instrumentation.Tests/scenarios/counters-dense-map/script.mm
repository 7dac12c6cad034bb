// Map entries keyed by a run-time value (the address, arg0) are counted in dense arrays and added to the maps at exit,
// here through proc_exit (DenseMapCounters): one-byte counters carry into the map past 255 (300 loads of address 16,
// 299 taken br_ifs), keys in two pages of 2^16 (16 and 70000), u64 values, an amount other than one, a scalar key,
// and a wasm:end probe that reads an entry after the flush.
report var trace: map<(u32, bool), u32>;
report var bytes: map<u32, u64>;
report var seen: map<u32, u32>;
report var loads16: u32;
wasm:opcode:*load*|*store*:before { trace[(effective_addr, is_write)]++; }
wasm:opcode:i32.store:before { bytes[effective_addr] = bytes[effective_addr] + 4; }
wasm:opcode:br_if:before { seen[arg0]++; }
wasm:end { loads16 = trace[(16, false)]; }
