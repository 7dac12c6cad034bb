var sum: u32;
var accesses: u32;
var wrapped: u32;
wasm:opcode:i32.store|i64.store|i64.load8_u:before { sum = sum + effective_addr; accesses++; }
wasm:opcode:i32.load:alt { wrapped = effective_addr; return 0; }
