var n: i32;
wasm:opcode:call:before { n = 3.0e10 as i32; }
