wasm:opcode:nop:alt { }
wasm:opcode:drop:alt { drop_args(); }
