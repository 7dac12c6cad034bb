var seen: i32;
wasm:opcode:i32.add(arg0: i32, arg1: i32):alt { if (arg1 > arg0) { return arg1 * 100; } return arg0 - arg1; }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0; }
