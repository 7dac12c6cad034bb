// Functions called from wasm:begin and wasm:end (start-up and exit code of ours).
report var log: u32;
fn shift(x: u32, d: u32) -> u32 { return x * 10 + d; }
wasm:begin { log = shift(log, 1); }
wasm:opcode:call:before { log = shift(log, 2); }
wasm:end { log = shift(log, 3); }
