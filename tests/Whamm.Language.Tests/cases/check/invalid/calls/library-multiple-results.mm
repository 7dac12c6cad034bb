use nomem;
wasm:opcode:call:before { nomem.pair(); }
