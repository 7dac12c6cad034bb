report var count: u64;
wasm:opcode:*:before { count++; }
