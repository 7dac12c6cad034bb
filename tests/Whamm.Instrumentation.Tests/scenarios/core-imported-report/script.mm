// --link-strategy imported: the core library is imported from whamm_core (preloaded by the host), the report still prints.
report var calls: u32;
report var per_target: map<u32, u32>;
wasm:opcode:call:before { calls++; per_target[imm0]++; }
