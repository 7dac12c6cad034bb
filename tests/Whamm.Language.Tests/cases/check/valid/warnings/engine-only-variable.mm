wasm:opcode:call:before { var id: i32 = probe_id; }
