var seen: i32;
wasm:opcode:i32.sub(res0: i32):after { res0 = res0 + 1000; }
wasm:opcode:global.set(arg0: i32):before { seen = seen + arg0; }
