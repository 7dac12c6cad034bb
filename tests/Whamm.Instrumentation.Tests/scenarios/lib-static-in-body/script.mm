// @static results as constants in a body, with static arguments (pc).
use arith;
var weighted: i64;
wasm:opcode:call:before { weighted = weighted + @static arith.mul64(pc as i64, 1000); }
