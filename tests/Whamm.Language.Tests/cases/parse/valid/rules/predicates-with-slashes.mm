var x: i32;
wasm:opcode:call:before / x / 2 == 1 / { }
wasm:opcode:call:before / (x / 2) / 3 > 0 / { }
wasm:opcode:call:before /x/{ }
wasm:opcode:call:before / m[x / 2] == 1 / { }
