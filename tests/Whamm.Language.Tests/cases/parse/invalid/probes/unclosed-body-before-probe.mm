wasm:opcode:call:before {
    var x: i32 = 1;

wasm:opcode:br:before {
    var y: i32 = 2;
}
