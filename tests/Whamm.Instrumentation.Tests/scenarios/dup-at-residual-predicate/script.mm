// dup_at under a run-time predicate: only fills longer than 2 bytes are mirrored, at the same address of the
// second memory (the shadow keeps 0 where the first fill went).
report var seen: map<u32, u32>;
wasm:opcode:memory.fill:before / arg0 > 2 / { dup_at(1, arg2 as u32); }
wasm:opcode:call(arg0: i32):before / imm0 == 0 / { seen[arg0 as u32]++; }
