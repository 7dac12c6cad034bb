wasm:begin {
    var if: i32 = 1;
    var map: i32 = 2;
    var inf: f64 = 3.0;
}
