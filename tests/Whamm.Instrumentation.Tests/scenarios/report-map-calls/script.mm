// A map keyed by callee: the report row dumps it sorted by key.
report var calls: map<u32, u32>;
wasm:opcode:call:before { calls[imm0]++; }
