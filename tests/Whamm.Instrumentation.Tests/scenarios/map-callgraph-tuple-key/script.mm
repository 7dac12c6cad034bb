// Call graph: (caller, callee) -> count, a tuple key passed by address.
report var graph: map<(u32, u32), u32>;
var edges_seen: u32;
wasm:opcode:call:before {
    if (graph[(fid, imm0)] == 0) { edges_seen++; }
    graph[(fid, imm0)] = graph[(fid, imm0)] + 1;
}
