use testlib;
wasm:opcode:call:before { testlib.get_i32(); }
