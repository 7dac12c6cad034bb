// Every call-like event has untyped operands.
wasm:opcode:call|return_call:before { var x: i32 = arg2; }
