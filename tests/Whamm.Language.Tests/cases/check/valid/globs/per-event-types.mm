// arg0 has a different type per event: each group is checked with its own type.
wasm:opcode:i32.eqz|i64.eqz|f32.neg|f64.neg:before {
    var copy_of_arg: bool = arg0 == arg0;
}
