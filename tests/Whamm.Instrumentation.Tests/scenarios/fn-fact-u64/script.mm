// A recursive u64 factorial; 20! is the largest that fits.
var f20: u64;
var f5: u64;
fn fact(n: u64) -> u64 {
    if (n <= 1) { return 1; }
    return n * fact(n - 1);
}
wasm:opcode:call:before / pc == 5 / { f20 = fact(20); }
wasm:opcode:call:before / pc != 5 / { f5 = f5 + fact(5); }
