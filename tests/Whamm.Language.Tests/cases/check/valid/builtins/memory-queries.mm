report var pages: u32;
wasm:opcode:memory.grow:after {
    pages = mem_size(APP_MEMID);
    var bytes: u32 = page_size(APP_MEMID) * pages;
    var start: u32 = active_data_start(APP_MEMID);
    var len: u32 = active_data_len(APP_MEMID);
}
