var all: u8 = ~0;
var low: u32 = ~0xFFFF0000;
wasm:begin { }
