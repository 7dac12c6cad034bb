use lib;
wasm:begin {
    lib.f()++;
    (1 + 2)--;
}
