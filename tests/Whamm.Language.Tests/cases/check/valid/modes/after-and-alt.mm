report var count: u32;
wasm:opcode:call(arg0: i32):alt / arg0 == 0 / {
    count = 5;
    return 1;
}
wasm:opcode:i32.load:alt { return 0; }
wasm:opcode:f64.load:alt { return 0.5; }
