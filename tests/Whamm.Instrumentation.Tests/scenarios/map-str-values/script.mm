// Maps with string values and bool keys.
report var names: map<u32, str>;
report var seen: map<bool, u32>;
wasm:opcode:call:before / imm0 == 0 / { names[imm0] = "add"; seen[true]++; }
wasm:opcode:call:before / imm0 == 1 / { names[imm0] = "twice"; seen[false]++; }
