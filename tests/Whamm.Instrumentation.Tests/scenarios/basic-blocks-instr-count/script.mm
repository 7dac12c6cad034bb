var executed: u32;
var counted: u32;
var starts: u32;
var ends: u32;
wasm:opcode:*:before { executed++; }
wasm:block:end { counted = counted + instr_count; ends++; }
wasm:block:start { starts++; }
