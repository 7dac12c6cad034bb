wasm:opcode:call:before { var pc: u32 = 0; }
