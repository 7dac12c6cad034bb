var grows: u32;
var fails: u32;
var old_pages: i32;
wasm:opcode:memory.grow:after { if (failed) { fails++; } else { grows++; old_pages = old_pages + res0; } }
