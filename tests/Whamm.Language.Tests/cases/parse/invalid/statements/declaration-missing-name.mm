wasm:begin {
    var : i32 = 1;
}
