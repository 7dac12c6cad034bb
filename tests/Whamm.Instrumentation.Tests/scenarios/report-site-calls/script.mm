// The reference's worked example: one report row per matching call site (fid 2 is $main).
wasm:opcode:call(arg0: i32):before / fid == 2 / {
    report unshared var count: u32;
    count = count + 1;
}
