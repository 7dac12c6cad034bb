wasm:begin {
    var a: u32 = 0b102;
    var b: u32 = 0xG1;
}
