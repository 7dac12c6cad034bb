var arg0: i32;
wasm:opcode:call:before {
    var arg12: u32 = 0;
    report var arg3: i64;
}
