var big: u32;
wasm:opcode:i32.add(arg0: i32):before / arg0 > 5 / { big++; }
