use testlib;
wasm:opcode:call:before { testlib.log_i64(fname); }
