use testlib;
wasm:opcode:call:before {
    var x: i32 = testlib.get_i32();
    var y: i32 = testlib.add_i32(x, 1);
    testlib.log_i64(5);
    var z: f64 = testlib.scale(0.5);
}
