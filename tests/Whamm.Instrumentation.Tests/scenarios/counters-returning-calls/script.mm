// A call of a function that certainly returns (it cannot reach proc_exit or throw, also through the table) does not
// cut counter groups, and a loop around it may hold counters in locals; a call that may end the program (x = 7 calls
// proc_exit through the table) still does, so the report after the exit is exact.
wasm:block:end { report var runs: u32; runs++; }
wasm:opcode:local.set:before { report var sets: u32; sets++; }
var instructions: u64;
wasm:opcode:*:before { instructions++; }
