// The report is flushed when the exported main returns.
report var squares: u32;
wasm:opcode:i32.mul:before { squares++; }
