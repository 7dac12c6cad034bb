wasm:opcode:memory.atomic.notify:before { }
wasm:opcode:i64.atomic.rmw8.add_u:before { }
wasm:opcode:*+*:before { }
