// x++ is a statement only (reference: `if (i++ == 0)` is a parse error)
var i: i32;
wasm:begin {
    if (i++ == 0) {
        i = 1;
    }
}
