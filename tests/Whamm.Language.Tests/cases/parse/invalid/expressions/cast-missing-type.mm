wasm:begin {
    var x: i32;
    var y: i64 = x as;
    var z: i64 = x as int;
}
