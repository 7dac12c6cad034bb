// A function called only where the predicate folds away: never called, and its body still compiles.
var hits: u32;
fn expensive(n: u32) -> u32 { return expensive(n + 1); }
fn cheap() -> u32 { return 1; }
wasm:opcode:call:before / fid == 99 / { hits = hits + expensive(0); }
wasm:opcode:call:before { hits = hits + cheap(); }
