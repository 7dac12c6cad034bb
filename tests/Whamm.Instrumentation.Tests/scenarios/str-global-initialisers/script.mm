// String methods in global initialisers: folded on literals, at start-up on strings read from the application
// (its data segments are in place before start-up runs).
var greeting: str = "hello, world";
var len: u32 = "hello".len();
var ends: bool = "abc".ends_with("bc");
var magic: str = read_str(APP_MEMID, 1, 3);
var is_asm: bool = magic == "asm";
var greets_world: bool = greeting.contains("world");
var nops: u32;
wasm:opcode:nop:before / "nop".starts_with("no") / { nops = nops + magic.len(); }
