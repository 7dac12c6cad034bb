wasm:begin {
    var c: u8 = 'a';
}
