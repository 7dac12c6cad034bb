wasm:opcode:unreachable:alt { }
wasm:opcode:unreachable:before { }
