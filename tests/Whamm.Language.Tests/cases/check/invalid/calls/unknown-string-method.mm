wasm:opcode:call:before { var n: u32 = fname.length(); }
