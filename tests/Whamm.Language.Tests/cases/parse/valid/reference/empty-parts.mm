// §2.1: an empty part means `*`
var n: u32;
:::alt { }
wasm::: { n++; }
wasm:opcode::after { n++; }
