var APP_MEMID: u32;
wasm:begin { }
