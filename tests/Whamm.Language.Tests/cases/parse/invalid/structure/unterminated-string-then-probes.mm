var s: str = "oops;
wasm:opcode:call:before {
    var ok: i32 = 1;
}
wasm:opcode:br:before {
    var bad: i32 = ;
}
