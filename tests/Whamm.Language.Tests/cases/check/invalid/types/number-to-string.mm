wasm:opcode:call:before { var s: str = fid; }
