wasm:opcode:call:before {
    var signed: i32 = pc;
}
