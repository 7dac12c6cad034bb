// Call graph: the edges caller -> callee with their counts, direct and indirect.
// Indirect calls are resolved through the table (resolved_fid is -1 when unknown).

var edges: map<(u32, u32), u32>;
report var unresolved: u32;

wasm:opcode:call|return_call:before {
    edges[(fid, imm0)]++;
}

wasm:opcode:call_indirect|return_call_indirect:before {
    if (resolved_fid >= 0) {
        edges[(fid, resolved_fid as u32)]++;
    } else {
        unresolved++;
    }
}
