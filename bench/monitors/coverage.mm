// Instruction coverage: which instructions ran at least once (one report variable per instruction site).
wasm:opcode:*:before {
    report var reached: bool;
    reached = true;
}
