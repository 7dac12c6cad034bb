wasm:begin {
    var x: i32 = 1 +* 2;
    var y: i32 = 3 / / 4;
}
