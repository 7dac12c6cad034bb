use testlib;
wasm:opcode:call:before {
    var y: i32 = @static testlib.add_i32(testlib.get_i32(), 1);
}
