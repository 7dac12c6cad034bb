var blocks: map<(u32, u32), u32>;
wasm:block:start { blocks[(fid, pc)]++; }
