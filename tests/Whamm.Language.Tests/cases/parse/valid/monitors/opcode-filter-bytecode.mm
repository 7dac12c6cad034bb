// Prefixed opcodes (0xFC, 0xFD, 0xFE) executed.
report var prefixed: u64;

wasm:opcode:*:before / bytecode > 0xFF / {
    prefixed++;
}
