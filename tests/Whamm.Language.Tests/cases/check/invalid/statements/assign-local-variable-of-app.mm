wasm(local0: i32):opcode:call:before { local0 = 1; }
