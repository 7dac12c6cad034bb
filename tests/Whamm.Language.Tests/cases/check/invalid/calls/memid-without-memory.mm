use nomem;
wasm:opcode:call:before { var m: u32 = memid(nomem); }
