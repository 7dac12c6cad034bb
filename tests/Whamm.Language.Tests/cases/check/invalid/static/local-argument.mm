use testlib;
wasm:opcode:call:before {
    var x: i32 = 1;
    var y: i32 = @static testlib.add_i32(x, 1);
}
