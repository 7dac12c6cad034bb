// Sparse monitor: one counter bumped before every direct call.
var calls: u64;
wasm:opcode:call:before { calls++; }
