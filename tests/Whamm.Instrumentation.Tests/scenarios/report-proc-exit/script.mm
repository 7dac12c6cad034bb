// proc_exit never returns: the report is flushed just before it (the last call is never reached).
report var calls: u32;
wasm:opcode:call:before / imm0 == 1 / { calls++; }
