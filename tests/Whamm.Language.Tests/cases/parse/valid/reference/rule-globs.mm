// §2.1 rule examples: alternatives, globs, empty parts
var n: u32;
wasm:opcode:*load*|*store*:before { n++; }
wasm:opcode:call|return_call:before { n++; }
wasm::*if:before { n++; }
wasm:opcode:br*:before { n++; }
wasm::br_if:before { n++; }
