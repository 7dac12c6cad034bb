// Globals may be declared after the probes that use them.
wasm:opcode:call:before { hits++; }
var hits: u64;
