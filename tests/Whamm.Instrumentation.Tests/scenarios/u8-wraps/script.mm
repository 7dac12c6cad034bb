var small: u8;
var signed: i8 = 120;
wasm:opcode:*:before { small = small + 100; signed = signed + 1; }
