wasm:opcode:call:before { var drop_args: u32; }
