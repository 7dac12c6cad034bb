wasm:begin {
    var s: str = "first line
second line";
}
