wasm:opcode:i32.store:after { var r: i32 = res0; }
