var x: i32;
wasm:opcode:block:entry { x = x * 2; }
wasm:opcode:loop:entry { x = x + 1; }
wasm:opcode:loop:after { x = x * 10; }
wasm:opcode:block:after { x = x - 3; }
wasm:opcode:end:before / fid == 0 && !at_func_end / { x = x * 3; }
