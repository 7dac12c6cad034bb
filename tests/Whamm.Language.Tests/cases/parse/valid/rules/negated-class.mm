wasm:opcode:[!fi]*.load:before { }
wasm:opcode:[!]]*:before { }
