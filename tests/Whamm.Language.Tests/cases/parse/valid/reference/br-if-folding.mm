// §3.2: static part folded per site, dynamic part left as a runtime check
var taken: u32;
wasm:opcode:br_if:before / pc == 25 && arg0 == 1 / {
    taken++;
}
