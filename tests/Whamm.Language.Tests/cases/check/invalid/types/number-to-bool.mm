wasm:opcode:call:before { var b: bool = fid; }
