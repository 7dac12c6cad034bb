wasm:begin {
    var a: i32 = 123abc;
    var b: f32 = 1.5f;
    var c: f64 = 1e;
}
