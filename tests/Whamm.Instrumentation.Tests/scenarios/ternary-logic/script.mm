var a: u32;
var b: u32;
wasm:opcode:i32.add(arg0: i32, arg1: i32):before {
  a = a + (arg0 > arg1 ? 1 : 10);
  if (arg0 > 0 && arg1 > 0 || arg0 == 1) { b++; }
}
