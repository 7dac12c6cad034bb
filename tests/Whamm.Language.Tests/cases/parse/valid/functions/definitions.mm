fn zero() -> i32 {
    return 0;
}
fn add(a: i32, b: i32) -> i32 {
    return a + b;
}
fn log(message: str) {
    whamm_core.putc(message.len() as i32);
}
fn pair(a: i32, b: bool) -> (i32, bool) {
    return (a, b);
}
wasm:begin {
    log("hi");
    var p: (i32, bool) = pair(add(1, zero()), true);
}
fn after_probe(x: u64) -> u64 {
    return x * x;
}
