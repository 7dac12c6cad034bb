// A bound may reinterpret a concrete operand with the same Wasm type (i32 as u32).
wasm:opcode:i32.add(arg0: u32, arg1: u32):before / arg0 > 4000000000 / { }
