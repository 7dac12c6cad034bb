var i32_results: i32;
var after_br: u32;
wasm:opcode:call(res0: i32):after { i32_results = i32_results + res0; }
wasm:opcode:br:after { after_br++; }
var i64_results: u32;
wasm:opcode:call(res0: i64):after { i64_results++; }
