wasm:opcode:call:alt / imm0 == 0 / { alt_call_by_id(2); }
