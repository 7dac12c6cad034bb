{
    var x: i32;
}
wasm:begin { }
