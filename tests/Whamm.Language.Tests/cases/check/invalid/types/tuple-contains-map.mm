var bad: (u32, map<u32, u32>);
wasm:begin { }
