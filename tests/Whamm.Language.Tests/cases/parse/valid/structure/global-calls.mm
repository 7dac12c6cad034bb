use lib;
lib.configure(1, 2);
@init lib.prepare();
var x: i32 = lib.value();
wasm:begin { }
