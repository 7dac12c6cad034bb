wasm:opcode:call:before {
    var s: str = "never closed;
    var y: i32 = 1;
}
