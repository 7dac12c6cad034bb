wasm:begin {
    var x: f64 = 1.2.3;
}
