use testlib;
wasm:opcode:call:before { var x: i32 = testlib.add_i32(1.5, 2); }
