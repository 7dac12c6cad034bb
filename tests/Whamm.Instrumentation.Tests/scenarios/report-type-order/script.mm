// Per-site report rows are grouped by type (u8 … f64, bool, str, tuples, maps), then in allocation order;
// script-global report rows come last.
report var total: u64;
wasm:opcode:call:before {
    report var flag: bool;
    report var small: u8;
    report var big: i64;
    report var visits: u32;
    flag = true;
    small = small + 200;
    big = big - 3;
    visits++;
    total++;
}
