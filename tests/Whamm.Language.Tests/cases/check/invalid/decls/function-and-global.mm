var f: u32;
fn f() { }
wasm:begin { }
