fn f(x: u8) { }
wasm:opcode:call:before { f(1000); }
