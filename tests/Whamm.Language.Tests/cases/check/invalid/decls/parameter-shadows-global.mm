var total: u32;
fn add(total: u32) { }
wasm:begin { }
