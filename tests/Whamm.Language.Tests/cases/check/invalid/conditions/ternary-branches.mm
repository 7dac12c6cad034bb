wasm:opcode:call:before { var x: u32 = fid == 0 ? fid : fname; }
