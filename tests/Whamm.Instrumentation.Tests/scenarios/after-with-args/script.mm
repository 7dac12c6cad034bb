var sum: i32;
wasm:opcode:i32.add(arg0: i32):after / arg0 != 20 / { sum = sum + arg0; }
