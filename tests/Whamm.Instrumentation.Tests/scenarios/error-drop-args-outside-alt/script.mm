wasm:opcode:drop:before { drop_args(); }
wasm:opcode:global.set:before { drop_args(); }
