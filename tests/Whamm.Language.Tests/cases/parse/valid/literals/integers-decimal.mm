wasm:begin {
    var a: i32 = 0;
    var b: i32 = 7;
    var c: i32 = 42;
    var d: i32 = -10;
    var e: u32 = 4294967295;
    var f: i64 = -9223372036854775808;
    var g: u64 = 18446744073709551615;
    var h: u32 = 1_000_000;
    var i: u32 = 1_;
}
