wasm:opcode:call:before {
    var x: i32 = (1 + 2;
    var y: i32 = 1 + 2);
}
