var x: i32;
var f: f32;
wasm:begin {
    x = -0x10;
    x = -(0b11);
    x = -x;
    f = -1.5e-3;
    f = -inf;
    f = -(f * 2.0);
    x = 0 - x;
}
