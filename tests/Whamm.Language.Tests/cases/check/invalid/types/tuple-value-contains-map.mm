var m: map<u32, u32>;
wasm:begin { var t: bool = (m, 1) == (m, 1); }
