var deleted: u32;
var seen: i32;
wasm:opcode:global.set(arg0: i32):alt / arg0 > 10 / { drop_args(); deleted++; }
wasm:opcode:global.get:after { seen = seen + 1; }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0 * 1000; }
