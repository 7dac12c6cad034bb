var r: i32;
var a: i32;
var b: i32;
var c: i32;
var d: i32;
wasm:begin {
    r = a | b ^ c & d;
    r = a + b * c - d / a % b;
    r = a << 2 + b;
    r = a & b == c;
    r = a < b == c > d;
    r = a - b - c - d;
    r = a * (b + c) * d;
    r = ~a + ~b;
    r = a >> 1 | b << 1;
}
