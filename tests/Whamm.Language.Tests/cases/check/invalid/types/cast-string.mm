wasm:opcode:call:before { var n: u32 = target_fn_name as u32; }
