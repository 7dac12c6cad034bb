var a: u32 = 1;
var b: u32 = a + 1;
a = b * 2;
a++;
wasm:begin { }
