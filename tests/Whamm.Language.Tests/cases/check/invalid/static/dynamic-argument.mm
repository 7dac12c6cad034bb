use testlib;
wasm:opcode:call(arg0: i32):before / @static testlib.add_i32(arg0, 1) == 0 / { }
