var t: (u32, u32);
wasm:begin { var n: u32 = t as u32; }
