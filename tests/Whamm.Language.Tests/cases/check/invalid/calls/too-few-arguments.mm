wasm:opcode:call:before { var m: u32 = mem_size(); }
