// Non-constant initialisers and global statements run at start-up, in order.
var a: u32;
a = 7;
var b: u32 = a * 3;
var calls: u32 = b + 1;
wasm:opcode:call:before { calls++; }
