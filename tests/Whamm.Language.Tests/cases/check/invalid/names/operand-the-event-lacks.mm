wasm:opcode:nop:before { var a: u32 = arg0; }
