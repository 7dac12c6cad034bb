wasm:opcode:call:before { var x: u32 = fid ? 1 : 2; }
