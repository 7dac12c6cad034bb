// Report integer divisions by zero before they trap.
wasm:opcode:i32.div_s|i32.div_u|i32.rem_s|i32.rem_u(arg0: i32):before / arg0 == 0 / {
    report unshared var zero_divisors: u32;
    zero_divisors++;
}

wasm:opcode:i64.div*|i64.rem*(arg0: i64):before / arg0 == 0 / {
    report unshared var zero_divisors64: u32;
    zero_divisors64++;
}
