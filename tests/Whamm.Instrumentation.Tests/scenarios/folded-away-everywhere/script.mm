var never: u32;
wasm:opcode:i32.add:before / fid == 99 / { never++; }
