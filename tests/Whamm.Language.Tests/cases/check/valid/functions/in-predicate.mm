fn hot(f: u32) -> bool { return f < 8; }
wasm:opcode:call:before / hot(fid) && pc > 0 / { }
