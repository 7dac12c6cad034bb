var replaced: u32;
var loop_ops: u32;
var sums: i32;
wasm:opcode:block:alt { replaced++; }
wasm:opcode:i32.add:before / fid == 0 / { loop_ops++; }
wasm:opcode:global.set(arg0: i32):before / fid == 2 / { sums = sums + arg0; }
