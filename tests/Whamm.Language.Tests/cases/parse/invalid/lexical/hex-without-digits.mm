wasm:begin {
    var a: u32 = 0x;
    var b: u32 = 0b;
}
