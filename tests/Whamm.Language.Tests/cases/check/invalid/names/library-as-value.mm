use testlib;
wasm:opcode:call:before { var x: u32 = testlib; }
