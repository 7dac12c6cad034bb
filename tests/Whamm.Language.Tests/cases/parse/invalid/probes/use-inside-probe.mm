wasm:begin {
    use lib;
}
