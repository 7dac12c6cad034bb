wasm:opcode:call:before { var n: u32 = @static fname.len(); }
