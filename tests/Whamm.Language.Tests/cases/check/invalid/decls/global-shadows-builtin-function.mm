var strcmp: u32;
wasm:begin { }
