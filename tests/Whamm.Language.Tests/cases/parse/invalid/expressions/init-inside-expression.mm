use lib;
wasm:begin {
    var x: i32 = @init lib.value();
    lib.g(@init lib.value());
}
