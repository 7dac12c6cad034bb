wasm:opcode:call:before { target_fn_type = "local"; }
