wasm:opcode:call:before {
    var x: i32 = 1;
}
}
wasm:begin { }
