var n: u32;
wasm(local0: i64):opcode:memory.grow:before { n++; }
