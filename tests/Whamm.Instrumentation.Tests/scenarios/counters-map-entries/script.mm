// Map entries with keys known at each site become counters added to the map at exit (here through proc_exit), with
// positive amounts only (the entry exists exactly when its counter is non-zero); a key read elsewhere keeps its map
// plain (`seen` is read by a predicate).
report var edges: map<(u32, u32), u32>;
report var by_op: map<u32, u64>;
report var seen: map<u32, u32>;
wasm:opcode:call:before { edges[(fid, imm0)]++; by_op[fid] = by_op[fid] + 5; }
wasm:opcode:i32.mul|i32.add:before { by_op[100] = 2 + by_op[100]; seen[fid]++; }
wasm:opcode:local.get:before / seen[0] > 3 / { by_op[200]++; }
