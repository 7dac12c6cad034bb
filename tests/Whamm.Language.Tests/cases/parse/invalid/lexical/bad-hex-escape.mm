wasm:begin {
    var s: str = "\x4";
    var t: str = "\xZZ";
}
