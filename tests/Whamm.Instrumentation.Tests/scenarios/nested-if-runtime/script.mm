var neg: i32;
var small: i32;
var large: i32;
wasm:opcode:i32.add(arg1: i32):before {
  if (arg1 < 0) { neg++; } elif (arg1 < 5) { small++; } else { if (arg1 >= 10) { large = large + arg1; } }
}
