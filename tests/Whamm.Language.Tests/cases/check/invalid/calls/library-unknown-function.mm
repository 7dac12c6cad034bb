use testlib;
wasm:opcode:call:before { testlib.nope(); }
