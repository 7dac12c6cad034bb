// mem_size at run time; page_size, active_data_start/len and APP_MEMID folded (the probe with a false static
// predicate is folded away everywhere).
var pages_before: u32;
var pages_after: u32;
var psize: u32;
var data_start: u32;
var data_len: u32;
var app: u32;
var never: u32;
wasm:opcode:memory.grow:before { pages_before = mem_size(APP_MEMID); }
wasm:opcode:memory.grow:after { pages_after = mem_size(APP_MEMID); }
wasm:opcode:nop:before / page_size(APP_MEMID) == 65536 && active_data_len(0) > 0 / {
    psize = page_size(APP_MEMID);
    data_start = active_data_start(APP_MEMID);
    data_len = active_data_len(APP_MEMID);
    app = APP_MEMID;
}
wasm:opcode:nop:before / active_data_start(0) != 16 / { never++; }
