// Functions calling functions, with locals in each.
var result: u32;
fn square(x: u32) -> u32 { var y: u32 = x * x; return y; }
fn sum_of_squares(a: u32, b: u32) -> u32 { var s: u32 = square(a); s = s + square(b); return s; }
fn hyp(a: u32, b: u32) -> u32 { return sum_of_squares(a, b) + 1; }
wasm:opcode:call(arg0: i32, arg1: i32):before { result = result + hyp(arg0 as u32 & 15, arg1 as u32 & 15); }
