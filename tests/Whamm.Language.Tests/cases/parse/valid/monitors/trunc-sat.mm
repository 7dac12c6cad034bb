// Saturating truncations that actually saturate.
wasm:opcode:i32.trunc_sat_f32_s(arg0: f32):before / arg0 != arg0 || arg0 >= 2147483648.0 || arg0 < -2147483648.0 / {
    report unshared var saturated: u32;
    saturated++;
}
