// Hotness: how often each instruction ran (one report variable per instruction site).
wasm:opcode:*:before {
    report var count: u32;
    count++;
}
