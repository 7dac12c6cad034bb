wasm:begin {
    var a: i32 = 007;
}
