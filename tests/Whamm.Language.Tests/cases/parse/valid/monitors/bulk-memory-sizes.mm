// Bytes moved by bulk memory operations.
report var copied: u64;
report var filled: u64;

wasm:opcode:memory.copy(arg0: i32):before {
    copied = copied + (arg0 as u64);
}

wasm:opcode:memory.fill(arg0: i32):before {
    filled = filled + (arg0 as u64);
}
