var total: u32;
var total: u64;
wasm:begin { }
