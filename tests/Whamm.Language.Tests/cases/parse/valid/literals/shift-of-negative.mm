wasm:begin {
    var a: i32 = -1 << 2;
    var b: i32 = -8 >> 1;
    var c: u32 = 0x80000000 >> 31;
    var d: i64 = -1 as i64 << 63;
}
