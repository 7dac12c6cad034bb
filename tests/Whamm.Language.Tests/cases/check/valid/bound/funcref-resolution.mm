var targets: map<i32, u32>;
wasm:opcode:call_indirect:before / resolved_fid >= 0 / {
    targets[resolved_fid]++;
    var idx: i32 = table_entry_idx;
}
wasm:opcode:ref.func:before { var f: i32 = resolved_fid; }
