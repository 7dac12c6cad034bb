// Count float operations that produce NaN.
wasm:opcode:f64.div|f64.sqrt:after {
    report unshared var nans: u32;
    if (res0 != res0) {
        nans++;
    }
}
