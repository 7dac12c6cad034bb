var a: i32;
var b: f64;
wasm:begin {
    var c: u8 = a as u8;
    var d: f32 = b as f32;
    var e: i64 = a as i64 as u64 as i64;
    var f: bool = a as bool;
    var g: i32 = !f as i32;
    var h: u8 = -10 as u8;
    var i: i64 = (a + 1) as i64 * 2;
    var j: u32 = fid as u32;
}
