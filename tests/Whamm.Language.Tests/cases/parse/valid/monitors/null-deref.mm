// Loads from the first kilobyte look like null-pointer dereferences.
wasm:opcode:i32.load|i64.load|f32.load|f64.load(arg0: u32):before / arg0 < 1024 / {
    report unshared var suspicious: u32;
    suspicious++;
}
