var reads: map<u32, u32>;
var writes: map<u32, u32>;
wasm:opcode:*load*:before { reads[effective_addr]++; }
wasm:opcode:*store*:before { writes[effective_addr]++; }
