// The app exports a 64-bit memory named `memory`: WASI cannot carry our output through it and the name is taken, so
// the report is dropped (with a warning) while the counts still work.
report var stores: u32;
wasm:opcode:i32.store:before { stores++; }
