var calls: map<u32, u64>;
wasm:func:entry { calls[fid]++; }
