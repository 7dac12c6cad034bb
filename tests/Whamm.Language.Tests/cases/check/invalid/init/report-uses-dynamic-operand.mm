wasm:opcode:call(arg0: i32):before {
    report var first: i32 = arg0;
}
