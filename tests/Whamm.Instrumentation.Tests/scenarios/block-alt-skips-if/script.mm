var skipped: u32;
var sets: u32;
wasm:opcode:if(arg0: u32):alt / fid == 1 && arg0 == 0 / { skipped++; }
wasm:opcode:global.set:before { sets++; }
