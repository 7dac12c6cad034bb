var pair: (u32, u32);
wasm:begin { var z: u32 = pair.2; }
