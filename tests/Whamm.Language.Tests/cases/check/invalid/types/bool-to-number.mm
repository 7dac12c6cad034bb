wasm:opcode:call:before { var n: u32 = fid == 1; }
