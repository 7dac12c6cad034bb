// A negative literal wraps to the same bits (the reference truncates bitwise).
var all_ones: u32 = -1;
var byte: u8 = -1;
var wide: u64 = -1;
wasm:begin { }
