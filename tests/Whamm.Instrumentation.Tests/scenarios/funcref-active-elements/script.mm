// resolved_fid at call_indirect: the shadow table starts as the active element segment put it.
report var targets: map<i32, u32>;
var entries: u32;
wasm:opcode:call_indirect:before {
    targets[resolved_fid]++;
    entries = entries + table_entry_idx as u32;
}
