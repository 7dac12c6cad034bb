use a;
use b;
use c;
var x: i32;
fn f() -> i32 { return 1; }
wasm:begin { }
