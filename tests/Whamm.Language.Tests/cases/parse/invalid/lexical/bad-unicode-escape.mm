wasm:begin {
    var a: str = "\u{110000}";
    var b: str = "\u{D800}";
    var c: str = "\u{}";
    var d: str = "\u1234";
    var e: str = "\u{12";
}
