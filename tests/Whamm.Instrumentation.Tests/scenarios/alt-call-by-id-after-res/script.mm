var last: i32;
var sum: i32;
wasm:opcode:call:alt / imm0 == 1 / { alt_call_by_id(0); }
wasm:opcode:call(res0: i32):after { last = res0; sum = sum + res0; }
