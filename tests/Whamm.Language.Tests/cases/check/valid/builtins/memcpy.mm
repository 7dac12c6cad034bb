wasm:opcode:memory.copy:before {
    var dst: i32 = whamm_core.mem_alloc(16);
    memcpy(APP_MEMID, 0, memid(whamm_core), dst as u32, 16);
}
