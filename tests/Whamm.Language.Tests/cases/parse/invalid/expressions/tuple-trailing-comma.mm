wasm:begin {
    var t: (i32, i32) = (1, 2, );
}
