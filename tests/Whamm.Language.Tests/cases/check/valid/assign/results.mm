wasm:opcode:i32.load:after / res0 < 0 / {
    res0 = 0;
}
