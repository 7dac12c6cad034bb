// Compiler functions may be called in the global state.
var page: u32 = page_size(APP_MEMID);
whamm_core.putu32(page);
wasm:begin { }
