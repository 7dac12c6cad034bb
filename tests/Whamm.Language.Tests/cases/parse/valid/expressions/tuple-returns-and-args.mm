use lib;
fn swap(p: (i32, i32)) -> (i32, i32) {
    return (p.1, p.0);
}
wasm:begin {
    var q: (i32, i32) = swap((1, 2));
    lib.take((), (1, (2, 3)), q);
}
