// Hex and binary literals are magnitudes; a signed type takes their bit pattern.
var a: i8 = 0xFF;
var b: i32 = 0xFFFFFFFF;
var c: u16 = 0b1010_1010;
var d: i64 = 0x7FFF_FFFF_FFFF_FFFF;
wasm:begin { }
