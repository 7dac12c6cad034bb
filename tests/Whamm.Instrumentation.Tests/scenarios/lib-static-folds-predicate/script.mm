// @static is evaluated while instrumenting, once per site: its result decides which sites match.
use oracle;
var hot_calls: u32;
var cold_calls: u32;
wasm:opcode:call:before / @static oracle.is_hot(imm0 as i32) == 1 / { hot_calls++; }
wasm:opcode:call:before / @static oracle.is_hot(imm0 as i32) == 0 / { cold_calls++; }
