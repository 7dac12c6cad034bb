// DECISIONS 2: the ternary is a general expression
use lib;
var x: i32;
var y: i32;
wasm:opcode:call:before / (x > 0 ? x : -x) > 5 / {
    y = x > 0 ? 1 : x < 0 ? -1 : 0;
    lib.f(x > y ? x : y, true ? 1 : 2);
    y = (x == 0 ? 10 : 20) + 1;
    var m: i32 = x > y ? (x > 0 ? x : 0) : y;
}
fn pick(c: bool, a: i32, b: i32) -> i32 {
    return c ? a : b;
}
