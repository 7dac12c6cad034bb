wasm:opcode:call:before {
    var x: i32 = 1 2;
    x = 3;
}
