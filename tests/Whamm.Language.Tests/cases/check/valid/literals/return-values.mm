fn zero() -> u64 { return 0; }
fn minus_one() -> u32 { return -1; }
fn third() -> f32 { return 0.33; }
wasm:begin { }
