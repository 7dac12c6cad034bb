// §2.5: funcref resolution for indirect calls
var targets: map<(i32, i32), i32>;
wasm:opcode:call_indirect:before {
    targets[(fid as i32, resolved_fid)]++;
}
wasm:opcode:table.get:after {
    var idx: i32 = table_entry_idx;
}
