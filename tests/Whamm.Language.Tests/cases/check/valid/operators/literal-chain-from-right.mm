// `1 + 2 + x`: the literal part takes the type of x.
wasm:opcode:call:before {
    var x: u16 = 7;
    var y: u16 = 1 + 2 + x;
    var z: u16 = 1 + x + 2;
}
