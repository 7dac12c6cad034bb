wasm:opcode:call(fid: i32):before { }
