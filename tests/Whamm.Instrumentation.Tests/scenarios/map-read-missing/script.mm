// Reading a missing key yields 0 and inserts nothing (DECISIONS 12): the map stays empty.
report var m: map<u64, i32>;
var sum: i32;
wasm:opcode:call:before { sum = sum + m[imm0 as u64] + 1; }
