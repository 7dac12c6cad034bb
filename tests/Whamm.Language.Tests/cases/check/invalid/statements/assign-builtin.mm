wasm:begin { APP_MEMID = 1; }
