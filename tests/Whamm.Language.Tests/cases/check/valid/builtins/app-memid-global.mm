var app: u32 = APP_MEMID;
wasm:begin { }
