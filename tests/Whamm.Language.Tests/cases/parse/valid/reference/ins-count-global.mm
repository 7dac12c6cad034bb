// §3.6: paper_eval ins_count — one global report variable
report var count: u32;
wasm:opcode:*:before {
    count++;
}
