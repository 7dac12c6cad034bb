var a: map<u32, u32>;
var b: map<u32, u32>;
wasm:begin { var same: bool = a == b; }
