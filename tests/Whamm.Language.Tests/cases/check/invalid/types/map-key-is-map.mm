var bad: map<map<u32, u32>, u32>;
wasm:begin { }
