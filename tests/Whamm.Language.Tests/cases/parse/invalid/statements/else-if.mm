wasm:begin {
    var x: i32;
    if (x == 1) {
        x = 2;
    } else if (x == 2) {
        x = 3;
    }
}
