var a: int;
var b: i128;
var c: string;
wasm:begin { }
