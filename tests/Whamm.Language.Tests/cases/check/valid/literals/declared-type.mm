// An untyped literal takes the declared type.
var a: u8 = 255;
var b: i8 = -128;
var c: u16 = 65535;
var d: i16 = -32768;
var e: u32 = 4294967295;
var f: i32 = -2147483648;
var g: u64 = 18446744073709551615;
var h: i64 = -9223372036854775808;
wasm:begin { }
