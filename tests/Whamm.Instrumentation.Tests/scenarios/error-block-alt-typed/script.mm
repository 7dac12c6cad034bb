var n: u32;
wasm:opcode:if:alt / fid == 0 / { n++; }
