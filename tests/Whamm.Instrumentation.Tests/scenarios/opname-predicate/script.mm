var adds: u32;
var others: u32;
wasm:opcode:*:before / opname == "i32.add" / { adds++; }
wasm:opcode:*:before / opname != "i32.add" / { others++; }
