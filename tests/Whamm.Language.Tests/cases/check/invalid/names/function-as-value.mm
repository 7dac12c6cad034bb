fn f() -> u32 { return 1; }
wasm:opcode:call:before { var x: u32 = f; }
