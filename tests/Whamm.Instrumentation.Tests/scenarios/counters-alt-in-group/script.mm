// An alt probe in the middle of a basic block (division by zero replaced by 0) and a residual predicate: counted
// sites around them stay exact; the residual probe is emitted as written.
report var count: u32;
report var zero_divs: u32;
wasm:opcode:*:before { count++; }
wasm:opcode:i32.div_s:alt {
    if (arg0 == 0) {
        zero_divs++;
        return 0;
    }
    return arg1 / arg0;
}
wasm:opcode:i32.add:before / arg0 > 5 / { report var big: u32; big++; }
