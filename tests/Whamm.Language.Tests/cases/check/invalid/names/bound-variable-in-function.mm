fn here() -> u32 { return pc; }
wasm:begin { }
