// Memory trace: how often each address was read and written, at every load and store (by effective address).
report var trace: map<(u32, bool), u32>;
wasm:opcode:*load*|*store*:before { trace[(effective_addr, is_write)]++; }
