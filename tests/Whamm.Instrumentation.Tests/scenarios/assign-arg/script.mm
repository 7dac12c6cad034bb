var seen: i32;
wasm:opcode:i32.add(arg0: i32):before { arg0 = 100; }
wasm:opcode:drop(arg0: i32):before { seen = seen + arg0; }
