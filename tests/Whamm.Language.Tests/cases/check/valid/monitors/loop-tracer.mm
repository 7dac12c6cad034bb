var iterations: map<(u32, u32), u64>;
wasm:opcode:loop:entry { iterations[(fid, pc)]++; }
