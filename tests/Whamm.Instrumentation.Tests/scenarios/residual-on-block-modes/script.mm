var big_iterations: u32;
var odd_exits: u32;
wasm(local0: i32):opcode:loop:entry / local0 > 3 / { big_iterations++; }
wasm(local0: i32):func:exit / fid == 1 && (local0 & 1) == 1 / { odd_exits++; }
