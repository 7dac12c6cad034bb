wasm:opcode:call:before { log_call(fid); }
