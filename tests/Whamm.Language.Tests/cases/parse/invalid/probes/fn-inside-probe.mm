wasm:begin {
    fn helper() -> i32 {
        return 1;
    }
}
