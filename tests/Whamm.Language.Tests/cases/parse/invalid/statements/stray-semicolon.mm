wasm:begin {
    var i: i32;;
}
