// dup_at at memory.init into the application's second memory: the program reads the shadow copy back.
report var seen: map<u32, u32>;
wasm:opcode:memory.init:before { dup_at(1, 1000); }
wasm:opcode:call(arg0: i32):before / imm0 == 0 / { seen[arg0 as u32]++; }
