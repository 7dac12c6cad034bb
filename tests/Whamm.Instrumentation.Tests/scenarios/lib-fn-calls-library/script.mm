// A user function calling a library function.
use arith;
var acc: i32;
fn twice_plus(a: i32, b: i32) -> i32 { return arith.add(arith.add(a, a), b); }
wasm:opcode:call(arg0: i32, arg1: i32):before { acc = acc + twice_plus(arg1, arg0); }
