use testlib;
var start: i32 = testlib.get_i32();
testlib.init();
wasm:begin { }
