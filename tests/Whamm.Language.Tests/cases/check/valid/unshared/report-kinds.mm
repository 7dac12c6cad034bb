report var r_u8: u8;
report var r_f64: f64;
report var r_bool: bool;
report var r_str: str;
report var r_tuple: (u32, i64);
report var r_map: map<u32, u32>;
wasm:begin { }
