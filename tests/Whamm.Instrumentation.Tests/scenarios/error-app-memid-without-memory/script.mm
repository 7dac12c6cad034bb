var id: u32;
wasm:opcode:nop:before { id = APP_MEMID; }
