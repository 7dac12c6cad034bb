// Per-site counters and flags of innermost call-free loops are held in locals and flushed after the loop (and after
// the blocks it branches out to, when those end right after it); the report at proc_exit is exact.
wasm:opcode:*:before { report var count: u32; count++; }
wasm:opcode:br_if|br:before { report var hit: bool; hit = true; }
wasm:block:end { report var blocks: u64; blocks = blocks + 2; }
// Amounts known only at run time: the variables are still only added to, so loops hold them in locals too.
wasm:opcode:i32.add|i32.sub:before { report var operands: u64; operands = operands + (arg0 as u64) + (arg1 as u64); }
