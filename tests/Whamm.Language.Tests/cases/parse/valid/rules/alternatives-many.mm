wasm:opcode:i32.add|i32.sub|i32.mul|i32.div_s|i32.div_u|i64.add|i64.sub|f32.add|f64.add:before {
    report unshared var arithmetic: u32;
    arithmetic++;
}
