// Call graph: the edges caller -> callee with their counts, direct and indirect.
// An indirect call's target is only known once it runs, so the caller is noted
// before the call and the edge is recorded when the next function is entered.

report var edges: map<(u32, u32), u32>;
var caller: u32;
var pending: bool;

wasm:opcode:call|return_call:before {
    edges[(fid, imm0)]++;
}

wasm:opcode:call_indirect|return_call_indirect:before {
    caller = fid;
    pending = true;
}

wasm:func:entry / pending / {
    edges[(caller, fid)]++;
    pending = false;
}
