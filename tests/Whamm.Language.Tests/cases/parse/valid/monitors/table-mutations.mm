// Table writes and growth.
report var sets: u32;
report var grows: u32;

wasm:opcode:table.set:before {
    sets++;
}

wasm:opcode:table.grow:before {
    grows++;
}
