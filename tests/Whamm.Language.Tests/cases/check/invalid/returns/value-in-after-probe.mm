wasm:opcode:i32.load:after { return res0; }
