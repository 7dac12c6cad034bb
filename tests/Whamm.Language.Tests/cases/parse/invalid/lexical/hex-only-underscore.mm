wasm:begin {
    var x: u32 = 0x_;
}
