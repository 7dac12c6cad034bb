wasm:begin {
    var x: i32 = 1 + ;
    var y: i32 = * 2;
    var z: bool = x == ;
}
