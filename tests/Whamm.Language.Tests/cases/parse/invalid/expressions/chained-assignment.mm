wasm:begin {
    var x: i32;
    var y: i32;
    x = y = 2;
}
