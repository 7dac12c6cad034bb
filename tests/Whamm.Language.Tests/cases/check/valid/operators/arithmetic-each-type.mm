var a: u8; var b: i8; var c: u16; var d: i16; var e: u32; var f: i32;
var g: u64; var h: i64; var i: f32; var j: f64;
wasm:begin {
    a = a + a - a * a / a % a;
    b = b + b - b * b / b % b;
    c = c + c; d = d - d; e = e * e; f = f / f;
    g = g % g; h = h + h; i = i % i; j = j / j;
}
