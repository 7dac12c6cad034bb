use lib;
wasm:begin {
    @ static lib.f();
}
