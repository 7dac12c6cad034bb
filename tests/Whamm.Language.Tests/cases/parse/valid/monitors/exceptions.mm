// Count throws per tag.
var throws: map<u32, u32>;

wasm:opcode:throw:before {
    throws[imm0]++;
}

wasm:opcode:throw_ref:before {
    report unshared var rethrows: u32;
    rethrows++;
}
