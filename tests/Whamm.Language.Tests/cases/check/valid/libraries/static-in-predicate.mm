use testlib;
wasm:opcode:call:before / @static testlib.should_instrument(fid as i32, pc as i32) == 1 / { }
