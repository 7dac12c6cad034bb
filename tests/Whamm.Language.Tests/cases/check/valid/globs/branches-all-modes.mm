wasm:opcode:br*:* { }
