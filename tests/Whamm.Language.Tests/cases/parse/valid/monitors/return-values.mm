// Record the smallest and largest i32 result of each call site.
wasm:opcode:call(res0: i32):after {
    report unshared var lowest: i32 = 2147483647;
    report unshared var highest: i32 = -2147483648;
    lowest = res0 < lowest ? res0 : lowest;
    highest = res0 > highest ? res0 : highest;
}
