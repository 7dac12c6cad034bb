wasm:opcode:call:before { var f: u32 = fidd; }
