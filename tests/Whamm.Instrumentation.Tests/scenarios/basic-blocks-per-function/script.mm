var executed: u32;
var counted: u32;
var sum_blocks: u32;
wasm:opcode:*:before { executed++; }
wasm:block:end { counted = counted + instr_count; }
wasm:block:start / fname == "sum" / { sum_blocks++; }
