wasm:opcode:nop:before { }
wasm:opcode:nop:after { }
wasm:opcode:nop:alt { }
