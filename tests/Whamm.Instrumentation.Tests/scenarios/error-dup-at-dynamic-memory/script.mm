wasm:opcode:memory.fill:before { dup_at(arg1 as u32, 0); }
