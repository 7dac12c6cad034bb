wasm:opcode:call_indirect:before { var n: i32 = target_funcref; }
