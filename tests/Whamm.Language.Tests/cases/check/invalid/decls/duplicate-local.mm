wasm:opcode:call:before {
    var x: u32 = 1;
    var x: u32 = 2;
}
