var in_add: u32;
var in_main: u32;
wasm:opcode:*:before / fid == 0 / { in_add++; }
wasm:opcode:*:before / fid == 1 / { in_main++; }
