// Operands with a concrete type in the catalogue need no type bound.
wasm:opcode:i32.div_u:before / arg0 == 0 / { }
wasm:opcode:i64.eqz:before / arg0 == 0 / { }
wasm:opcode:f32.add:before { var s: f32 = arg0 + arg1; }
wasm:opcode:if:before / arg0 != 0 / { }
