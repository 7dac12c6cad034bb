// Dynamic call graph: caller -> callee edge counts, direct and indirect.
var edges: map<(i32, i32), i32>;

wasm:opcode:call:before {
    edges[(fid as i32, imm0 as i32)]++;
}

wasm:opcode:call_indirect|return_call_indirect:before {
    // resolved_fid is -1 when the table entry is unknown
    if (resolved_fid >= 0) {
        edges[(fid as i32, resolved_fid)]++;
    } else {
        edges[(fid as i32, -1)]++;
    }
}

wasm:opcode:return_call:before {
    edges[(fid as i32, imm0 as i32)]++;
}

wasm:report {
    whamm_core.print_map_as_csv(0);
}
