wasm:opcode:call:before { fid = 1; }
