// DECISIONS 2: unary minus on any numeric expression, unsigned included.
var x: i32 = 5;
var u: u32 = 7;
var f: f32 = 1.5;
wasm:begin {
    x = -x;
    u = -u;
    f = -(f * 2);
}
