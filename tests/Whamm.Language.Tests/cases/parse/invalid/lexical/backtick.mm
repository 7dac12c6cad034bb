wasm:begin {
    var x: str = `hello`;
}
