wasm:begin {
    var x: i32;
    elif (x == 1) {
        x = 2;
    }
    else {
        x = 3;
    }
}
