// DECISIONS 7: any number of type-bound groups, on any part.
wasm(local0: u32):opcode:call(arg0: i32):before / local0 == 0 && arg0 == 1 / { }
