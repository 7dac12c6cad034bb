wasm:opcode:call||br:before { }
wasm:opcode:call|:before { }
