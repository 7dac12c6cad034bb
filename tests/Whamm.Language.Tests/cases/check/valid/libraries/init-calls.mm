use testlib;
@init testlib.init();
wasm:opcode:call:before {
    @init testlib.add_i32(fid as i32, 1);
}
