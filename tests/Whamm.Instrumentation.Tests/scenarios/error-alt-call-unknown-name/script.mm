wasm:opcode:call:alt { alt_call_by_name("nope"); }
