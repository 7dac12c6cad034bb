var edges: map<(u32, u32), u32>;
wasm:opcode:call(arg0: i32):before { edges[(fid, arg0)]++; }
