var replaced: u32;
var sums: i32;
wasm:opcode:loop:alt { replaced++; }
wasm:opcode:global.set(arg0: i32):before / fid == 2 / { sums = sums + arg0; }
