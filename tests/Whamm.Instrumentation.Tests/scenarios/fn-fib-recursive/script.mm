// A recursive user function called from a probe: fib(arg0 + 8) at every call (arg0 is the second argument).
var total: u32;
fn fib(n: u32) -> u32 {
    if (n < 2) { return n; }
    return fib(n - 1) + fib(n - 2);
}
wasm:opcode:call(arg0: i32):before { total = total + fib((arg0 as u32) + 8); }
