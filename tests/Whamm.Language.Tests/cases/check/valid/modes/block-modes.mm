report var entries: u32;
wasm:opcode:block|loop:entry { entries++; }
wasm:opcode:block|loop:exit { }
wasm:opcode:if:after { }
wasm:opcode:block:alt { }
