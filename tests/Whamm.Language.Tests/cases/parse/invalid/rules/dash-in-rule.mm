wasm:opcode:i32-add:before { }
