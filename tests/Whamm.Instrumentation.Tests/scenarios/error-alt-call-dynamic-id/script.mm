var which: i32 = 1;
wasm:opcode:call:alt { alt_call_by_id(which); }
