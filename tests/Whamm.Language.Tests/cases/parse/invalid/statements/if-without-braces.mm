wasm:begin {
    var x: i32;
    if (x == 1) x = 2;
}
