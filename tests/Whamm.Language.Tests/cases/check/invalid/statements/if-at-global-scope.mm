var x: u32;
if (x > 2) { x = 1; }
wasm:begin { }
