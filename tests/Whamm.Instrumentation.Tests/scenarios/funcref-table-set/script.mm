// table.set keeps the shadow up to date: a ref.func right before it is known, a reference from a local is not (-1).
// At table.set itself resolved_fid is static (the same look-back).
report var calls: map<i32, u32>;
report var sets: map<i32, u32>;
wasm:opcode:call_indirect:before { calls[resolved_fid]++; }
wasm:opcode:table.set:before { sets[resolved_fid]++; }
