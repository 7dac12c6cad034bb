wasm:begin {
    var i: i32;
    {
        i = 1;
    }
}
