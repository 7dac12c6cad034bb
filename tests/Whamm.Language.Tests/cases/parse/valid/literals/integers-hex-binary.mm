wasm:begin {
    var a: u32 = 0xFFFFFFFF;
    var b: u32 = 0xdead_beef;
    var c: u64 = 0XFFFF_FFFF_FFFF_FFFF;
    var d: u8 = 0b1010_1010;
    var e: u32 = 0B1;
    var f: i32 = 0x0;
}
