var hits: u32;
var sets: u32;
wasm(local0: i32):opcode:else:alt / fid == 1 && local0 == 2 / { hits++; }
wasm:opcode:global.set:before { sets++; }
