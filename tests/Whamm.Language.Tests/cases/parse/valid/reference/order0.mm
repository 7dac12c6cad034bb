// §2.1: probes at one location run in script order
var log: map<u32, u32>;
var step: u32;
wasm:opcode:call:before { step++; log[step] = 1; }
wasm:opcode:call:before { step++; log[step] = 2; }
wasm:opcode:call:after { step++; log[step] = 3; }
