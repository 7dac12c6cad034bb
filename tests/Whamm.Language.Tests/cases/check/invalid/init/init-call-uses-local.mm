use testlib;
wasm:opcode:call:before {
    var x: i32 = 1;
    @init testlib.add_i32(x, 2);
}
