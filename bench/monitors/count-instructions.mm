// Dense monitor: one counter bumped before every instruction.
var count: u64;
wasm:opcode:*:before { count++; }
