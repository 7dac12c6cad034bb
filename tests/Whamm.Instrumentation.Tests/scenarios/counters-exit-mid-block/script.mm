// Merged counters (a global held in a local, per-site counters shared per basic block, per-site flags) must be
// exact when the program calls proc_exit from inside a basic block, several calls deep: every group is flushed
// before each call.
report var count: u64;
wasm:opcode:*:before { count++; }
wasm:opcode:i32.add:before { report var adds: u32; adds++; }
wasm:opcode:local.get:before { report var seen: bool; seen = true; }
