wasm:opcode:call(arg0: u8, arg1: i16, arg2: u64, arg3: f32, arg4: bool):before { }
wasm:opcode:call_indirect(arg0: i32):before { }
