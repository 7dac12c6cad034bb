// The sum of two u32 is a u32: widening needs `as`.
wasm:opcode:call:before {
    var total: u64 = fid + pc;
}
