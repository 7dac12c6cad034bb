use testlib;
wasm:opcode:call:before {
    var y: i32 = @static testlib.add_i32(mem_size(0) as i32, 1);
}
