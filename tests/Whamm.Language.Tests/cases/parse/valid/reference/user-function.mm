// §1.8: user-defined functions (compiled here, DECISIONS 5)
fn fib(n: u32) -> u32 {
    if (n < 2) {
        return n;
    }
    return fib(n - 1) + fib(n - 2);
}

report var total: u32;
wasm:func:entry {
    total = total + fib(10);
}
