wasm:opcode:call:before { var e: bool = is_even(fid); }
fn is_even(n: u32) -> bool {
    if (n == 0) { return true; }
    return is_odd(n - 1);
}
fn is_odd(n: u32) -> bool {
    if (n == 0) { return false; }
    return is_even(n - 1);
}
