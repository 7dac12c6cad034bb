// Instruction mix: executions per opcode category and per opcode name.
var by_category: map<u32, u32>;
var by_name: map<str, i32>;
report var total: u64;

wasm:opcode:*:before {
    by_category[category_id]++;
    by_name[opname]++;
    total++;
}
