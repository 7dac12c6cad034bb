wasm:begin {
    helper();
}
fn helper() {
}
