// The paper's instruction counter (reference §3.6): one global report row.
report var count: u32;
wasm:opcode:*:before { count++; }
