wasm:begin {
    var x: i32 = 1, y: i32 = 2;
}
