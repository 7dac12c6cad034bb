wasm:opcode:call:alt {
    return 42;
}
wasm:opcode:drop:alt {
    return;
}
fn one() -> i32 {
    return 1;
}
fn nothing() {
    return;
}
