// §1.6: report/unshared initializers may use static values only
wasm:opcode:call:before {
    report var site_fid: u32 = fid;
    report var site_pc: u32 = pc;
    unshared var visits: u64 = 0;
    visits++;
}
