use lib;
var x: i32;
wasm:begin {
    lib.f() = 1;
    1 = x;
    (x + 1) = 3;
    -x = 2;
}
