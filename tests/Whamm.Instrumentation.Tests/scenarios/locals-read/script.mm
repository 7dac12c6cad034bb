var seen32: i32;
var seen64: i64;
var big: u32;
wasm(local0: i32):opcode:memory.grow:before { seen32 = seen32 + local0; }
wasm(local1: i64):opcode:memory.grow:before { seen64 = seen64 + local1; }
wasm(local0: i32):opcode:drop:after / local0 > 70 / { big++; }
