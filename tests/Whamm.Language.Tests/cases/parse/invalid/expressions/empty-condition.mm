wasm:begin {
    if () {
    }
}
