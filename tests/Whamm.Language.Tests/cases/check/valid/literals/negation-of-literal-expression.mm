// `-` works on any numeric expression (DECISIONS 2); `-(5)` is a negated literal.
var a: i16 = -(5);
var b: i64 = -(1 << 40);
var c: f64 = -(0.5);
wasm:begin { }
