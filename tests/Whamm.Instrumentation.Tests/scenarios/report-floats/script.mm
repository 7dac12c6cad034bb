// Floats in the report print like Rust's {:+e}.
report var third: f64;
report var half: f32;
report var huge: f64 = 1.7976931348623157e308;
report var tiny: f32 = -0.0;
wasm:opcode:call:before {
    third = third + 1.0 / 3.0;
    half = half + 0.5;
}
