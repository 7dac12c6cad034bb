var all: u32;
wasm:opcode:*:before / fid == fid && 1 + 1 == 2 / { all++; }
