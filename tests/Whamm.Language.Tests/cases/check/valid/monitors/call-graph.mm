var edges: map<(u32, u32), u32>;
wasm:opcode:call:before { edges[(fid, imm0)]++; }
wasm:opcode:call_indirect:before / resolved_fid >= 0 / {
    edges[(fid, resolved_fid as u32)]++;
}
wasm:report { whamm_core.print_map_as_csv(0); }
