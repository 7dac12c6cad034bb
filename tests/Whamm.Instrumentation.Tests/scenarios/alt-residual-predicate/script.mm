var seen: i32;
wasm:opcode:i32.add(arg0: i32, arg1: i32):alt / arg0 == 3 / { return arg1 * 7; }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0; }
