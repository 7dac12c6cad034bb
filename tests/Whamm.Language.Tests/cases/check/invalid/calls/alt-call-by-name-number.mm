wasm:opcode:call:alt { alt_call_by_name(3); }
