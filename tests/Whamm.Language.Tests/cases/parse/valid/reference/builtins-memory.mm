// §1.13: compiler-provided memory helpers
wasm:begin {
    var start: u32 = active_data_start(APP_MEMID);
    var len: u32 = active_data_len(APP_MEMID);
    var page: u32 = page_size(APP_MEMID);
    var pages: u32 = mem_size(APP_MEMID);
    memcpy(APP_MEMID, start, memid(whamm_core), 0, len);
}
