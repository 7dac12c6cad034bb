var sum: i32;
var last: i32;
wasm:opcode:i32.add(arg0: i32, arg1: i32):before { sum = sum + arg0 + arg1; last = arg1; }
