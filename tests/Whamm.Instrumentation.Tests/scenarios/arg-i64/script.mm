var sum: i64;
var prod: i64;
wasm:opcode:i64.mul(arg0: i64, arg1: i64):before { sum = sum + arg0 + arg1; prod = arg0 * arg1; }
