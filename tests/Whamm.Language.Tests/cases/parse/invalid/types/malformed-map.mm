var a: map<i32>;
var b: map i32, i32;
var c: map<i32, i32;
wasm:begin { }
