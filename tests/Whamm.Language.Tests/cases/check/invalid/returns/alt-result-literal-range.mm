wasm:opcode:i32.load8_u(arg0: u32):alt { return 5000000000; }
