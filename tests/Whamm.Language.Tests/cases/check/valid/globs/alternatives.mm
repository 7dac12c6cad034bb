wasm:opcode:call|return_call:before { var t: str = target_fn_name; }
