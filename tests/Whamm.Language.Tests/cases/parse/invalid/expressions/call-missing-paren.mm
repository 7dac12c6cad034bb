use lib;
wasm:begin {
    lib.f(1, 2;
    lib.g(1 2);
}
