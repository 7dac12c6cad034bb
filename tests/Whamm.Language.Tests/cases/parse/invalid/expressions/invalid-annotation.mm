use lib;
wasm:begin {
    @blah lib.f();
    @Static lib.f();
}
