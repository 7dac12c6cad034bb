use testlib;
var threshold: i32 = 5;
wasm:opcode:call:before / @static testlib.add_i32(threshold, 1) == 0 / { }
