wasm:begin {
    var i: i32;
    while (i < 10) {
        i++;
    }
}
