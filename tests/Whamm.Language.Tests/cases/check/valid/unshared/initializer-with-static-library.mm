use testlib;
wasm:opcode:call:before {
    unshared var weight: i32 = @static testlib.add_i32(fid as i32, 2);
    unshared var seed: i32 = testlib.get_i32();
}
