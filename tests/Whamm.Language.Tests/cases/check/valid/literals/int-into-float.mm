// An integer literal converts exactly to a float type.
var f: f32 = 1;
var d: f64 = 16777217;
wasm:begin {
    d = d + 2;
    f = 3 * f;
}
