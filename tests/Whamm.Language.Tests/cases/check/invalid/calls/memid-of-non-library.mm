wasm:opcode:call:before { var m: u32 = memid(APP_MEMID); }
