var seen: i32;
wasm:opcode:i32.add:alt { return 100; }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0; }
