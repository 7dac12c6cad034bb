wasm:begin {
    var x i32 = 1;
}
