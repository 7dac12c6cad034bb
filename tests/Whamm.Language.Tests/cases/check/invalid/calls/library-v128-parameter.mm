use nomem;
wasm:opcode:call:before { nomem.vec(1); }
