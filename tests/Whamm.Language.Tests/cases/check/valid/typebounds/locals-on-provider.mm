wasm(local0: i32, local1: i64):opcode:call:before {
    var sum: i64 = (local0 as i64) + local1;
}
