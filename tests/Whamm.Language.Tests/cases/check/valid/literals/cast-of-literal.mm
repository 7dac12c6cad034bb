// A literal cast to a type it fits is that type; otherwise it is cast from its default type.
var a: u8 = 300 as u8;
var b: f64 = 0.1 as f64;
var c: i32 = 2.9 as i32;
var d: u64 = 7 as u64;
wasm:begin { }
