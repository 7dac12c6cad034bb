use testlib;
wasm:opcode:call:before { var x: i32 = testlib.init(); }
