wasm:opcode:call:before {
    var x: i32 = 1
    var y: i32 = 2;
}
