use lib;
wasm:begin {
    @static f();
    var x: i32 = @static lib;
    @init lib.f;
}
