*:*:*:* { }
wasm:*:*:before { }
wasm:opcode:*:* { }
