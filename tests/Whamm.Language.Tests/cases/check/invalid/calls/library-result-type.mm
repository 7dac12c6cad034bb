use testlib;
wasm:opcode:call:before { var x: u64 = testlib.get_i32(); }
