wasm:begin {
    var x: i32;
    x = x > 0 ? 1;
}
