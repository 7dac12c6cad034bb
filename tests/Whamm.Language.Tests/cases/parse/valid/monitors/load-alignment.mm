// Misaligned loads: the effective address is not a multiple of the access size.
wasm:opcode:*.load*:before / data_size > 1 / {
    if (effective_addr % data_size != 0) {
        report unshared var misaligned: u32;
        misaligned++;
    }
    var hint: u32 = align;
    var off: u64 = offset;
}
