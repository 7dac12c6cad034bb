wasm:opcode:call:before { var l: i32 = local0; }
