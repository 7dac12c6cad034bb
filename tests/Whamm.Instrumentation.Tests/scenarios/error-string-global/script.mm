var s: str;
wasm:opcode:call:before { }
