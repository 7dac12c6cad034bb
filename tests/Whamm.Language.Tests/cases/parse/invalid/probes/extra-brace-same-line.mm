wasm:opcode:call:before { } }
wasm:begin { }
