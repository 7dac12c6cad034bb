wasm:opcode:call:before / fname < target_fn_name / { }
