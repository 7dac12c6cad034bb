wasm:opcode:nop:entry { }
