// Per-site counters and flags of innermost call-free loops are held in locals and flushed after the loop (and after
// the blocks it branches out to, when those end right after it); the report at proc_exit is exact.
wasm:opcode:*:before { report var count: u32; count++; }
wasm:opcode:br_if|br:before { report var hit: bool; hit = true; }
wasm:block:end { report var blocks: u64; blocks = blocks + 2; }
