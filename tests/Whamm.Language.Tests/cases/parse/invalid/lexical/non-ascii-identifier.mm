wasm:opcode:call:before {
    var café: i32;
}
