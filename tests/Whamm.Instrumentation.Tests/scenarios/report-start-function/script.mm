// No main/_start doing work: the calls happen in the start function, and the report still comes at the end
// of main (the exported entry), after them.
report var calls: u32;
wasm:opcode:call:before { calls++; }
