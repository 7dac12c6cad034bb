wasm:begin {
    wasm:end {
    }
}
