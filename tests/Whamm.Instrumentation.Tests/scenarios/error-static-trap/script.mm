// A @static call that traps is an error pointing at the call.
use arith;
var x: i32;
wasm:opcode:call:before { x = @static arith.div(1, 0); }
