// Signed i32 additions that overflow.
wasm:opcode:i32.add(arg0: i32, arg1: i32):before {
    var wide: i64 = (arg0 as i64) + (arg1 as i64);
    if (wide > 2147483647 || wide < -2147483648) {
        report unshared var overflows: u32;
        overflows++;
    }
}
