use testlib;
wasm:opcode:call:before {
    var r: i32 = testlib.add_i32(fid as i32, pc as i32);
    testlib.log_i64(opidx as i64);
}
