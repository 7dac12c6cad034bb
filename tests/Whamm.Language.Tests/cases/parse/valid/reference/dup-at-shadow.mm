// §2.5: duplicate a bulk-memory side effect into a shadow buffer
var shadow: i32;
wasm:begin {
    shadow = whamm_core.mem_alloc(65536);
}
wasm:opcode:memory.fill|memory.copy:after {
    dup_at(memid(whamm_core), shadow as u32);
}
