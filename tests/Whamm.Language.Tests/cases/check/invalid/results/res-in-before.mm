wasm:opcode:i32.load:before { var r: i32 = res0; }
