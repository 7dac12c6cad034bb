fn fact(n: u64) -> u64 {
    if (n <= 1) {
        return 1;
    }
    return n * fact(n - 1);
}
fn even(n: u32) -> bool {
    if (n == 0) { return true; }
    return odd(n - 1);
}
fn odd(n: u32) -> bool {
    if (n == 0) { return false; }
    return even(n - 1);
}
wasm:begin {
    var f: u64 = fact(20);
}
