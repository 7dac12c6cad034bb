// Entry and exit counts of structured blocks.
wasm:opcode:block|loop|if:entry {
    report unshared var entered: u32;
    entered++;
}

wasm:opcode:block|loop|if:exit {
    report unshared var left: u32;
    left++;
}
