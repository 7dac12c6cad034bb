// GC allocation sites: struct and array allocations per type index.
var structs: map<u32, u32>;
var arrays: map<u32, u32>;

wasm:opcode:struct.new|struct.new_default:before {
    structs[tid]++;
}

wasm:opcode:array.new*:before {
    arrays[tid]++;
}
