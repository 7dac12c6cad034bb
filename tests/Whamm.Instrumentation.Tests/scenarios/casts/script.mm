var as_int: i32;
var widened: i64;
var as_float: f64;
wasm:opcode:f64.div(arg0: f64, arg1: f64):before { as_int = as_int + (arg1 as i32); as_float = as_float + (fid as f64); }
wasm:opcode:i64.mul(arg1: i64):before { widened = widened + ((arg1 as i32) as i64); }
