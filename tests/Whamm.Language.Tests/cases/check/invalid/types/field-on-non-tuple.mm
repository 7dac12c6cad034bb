wasm:opcode:call:before { var z: u32 = fid.0; }
