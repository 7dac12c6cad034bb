// wasm:begin runs before the program, wasm:end after it and before the report.
report var log: u32;
var calls: u32;
wasm:begin { log = 1; }
wasm:opcode:call:before { calls++; log = log * 10; }
wasm:end { log = log + calls; }
