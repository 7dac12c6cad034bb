report var trace: map<(u32, bool), u32>;
wasm:opcode:*load*|*store*:before { trace[(effective_addr, is_write)]++; }
