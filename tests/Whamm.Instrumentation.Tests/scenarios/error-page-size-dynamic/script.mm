var size: u32;
wasm:opcode:call(arg0: i32):before { size = page_size(arg0 as u32); }
