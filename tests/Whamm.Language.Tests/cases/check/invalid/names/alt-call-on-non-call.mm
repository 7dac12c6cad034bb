wasm:opcode:i32.add:alt { alt_call_by_id(3); }
