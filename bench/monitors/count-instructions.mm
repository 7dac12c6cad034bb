// Instruction count: one counter bumped before every instruction.
report var count: u64;
wasm:opcode:*:before { count++; }
