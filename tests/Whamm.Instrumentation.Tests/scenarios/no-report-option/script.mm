// --no-report (options file): counts still work, nothing is printed.
report var calls: u32;
wasm:opcode:call:before { calls++; }
