// A function returning a str (address and length), and one taking one.
report var first: str;
report var last: str;
fn describe(n: i32) -> str {
    if (n < 0) { return "negative"; }
    elif (n == 0) { return "zero"; }
    return "positive";
}
fn same(s: str) -> str { return s; }
wasm:opcode:call(arg0: i32):before / pc == 5 / { first = same(describe(arg0)); }
wasm:opcode:call(arg0: i32):before { last = describe(arg0 - 3); }
