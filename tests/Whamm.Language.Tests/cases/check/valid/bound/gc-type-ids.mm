var by_type: map<u32, u32>;
wasm:opcode:struct.get:before {
    by_type[tid]++;
    var field: u32 = field_idx;
}
