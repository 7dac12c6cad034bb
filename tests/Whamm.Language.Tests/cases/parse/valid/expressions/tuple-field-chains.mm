var t: (((i32, i32), i32), i32);
wasm:begin {
    var a: i32 = t.0.0.1;
    var b: i32 = t.0.1;
    t.0.0.0 = a + b;
}
