use lib;
var i: i32;
var y: i32;
wasm:begin {
    y = i++ + 1;
    lib.f(i--);
    ++i;
}
