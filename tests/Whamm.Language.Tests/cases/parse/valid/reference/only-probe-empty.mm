wasm:opcode:unreachable:alt { }
