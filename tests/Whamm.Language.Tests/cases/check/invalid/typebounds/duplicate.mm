wasm(local0: i32):opcode:call(local0: i64):before { }
