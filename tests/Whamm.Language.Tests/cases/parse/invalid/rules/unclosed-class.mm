wasm:opcode:i32.[ls*:before { }
