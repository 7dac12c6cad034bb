// §2.5: br_table's derived `target`
var hits: map<(u32, u32), u32>;
wasm:opcode:br_table:before {
    hits[(pc, target)]++;
}
