var x: i32;
wasm:opcode:call:before { x = x * 2; }
wasm:opcode:call:after { x = x + 1; }
