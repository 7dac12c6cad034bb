var pages: u32;
wasm:opcode:nop:before { pages = mem_size(3); }
