wasm:opcode:call( arg0 : i32 , arg1 : u32 ) : before { }
wasm:opcode:call (arg0: i32) :after { }
