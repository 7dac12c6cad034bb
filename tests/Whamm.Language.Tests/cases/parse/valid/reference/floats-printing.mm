// §1.4: float % and extreme literals
wasm:func:entry {
    report var a: f32 = -3.40282347E+38;
    report var b: f32;
    b = a % 1;
    report var big: f64 = 1.7976931348623157e308;
}
