// Float-to-int truncations whose input is out of the i32 range.
wasm:opcode:i32.trunc_f64_s(arg0: f64):before / arg0 >= 2147483648.0 || arg0 < -2147483648.0 / {
    report unshared var would_trap: u32;
    would_trap++;
}
