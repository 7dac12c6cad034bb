wasm:opcode:i??.add:before { }
wasm:opcode:*.const:before { }
wasm:opcode:**:before { }
wasm:opcode:br_*|*_if:before { }
