wasm:opcode:i32.add:alt { }
wasm:opcode:i32.a*:alt / fid == 0 / { }
