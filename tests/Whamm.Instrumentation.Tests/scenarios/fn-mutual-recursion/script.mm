// Two functions calling each other.
var evens: u32;
var odds: u32;
fn is_even(n: u32) -> bool {
    if (n == 0) { return true; }
    return is_odd(n - 1);
}
fn is_odd(n: u32) -> bool {
    if (n == 0) { return false; }
    return is_even(n - 1);
}
wasm:opcode:call(arg0: i32):before {
    if (is_even(arg0 as u32 & 255)) { evens++; } else { odds++; }
}
