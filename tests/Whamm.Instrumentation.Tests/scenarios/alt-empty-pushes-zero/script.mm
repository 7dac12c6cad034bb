var seen: i32;
var sets: u32;
wasm:opcode:i32.mul:alt { }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0; sets++; }
