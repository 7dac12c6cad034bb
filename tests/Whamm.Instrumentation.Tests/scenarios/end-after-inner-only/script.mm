var ends: u32;
var end_sites: u32;
wasm:opcode:end:after { ends++; }
wasm:opcode:end:before / at_func_end / { end_sites++; }
