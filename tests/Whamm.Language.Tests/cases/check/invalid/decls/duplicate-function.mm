fn f() { }
fn f(x: u32) { }
wasm:begin { }
