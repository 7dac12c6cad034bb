var n: i32;
wasm:opcode:call:before { var m: map<u32, i32>; m[1] = n; }
