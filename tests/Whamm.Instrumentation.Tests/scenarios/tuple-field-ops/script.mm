// Tuple elements as assignment targets and operands, in globals and probe locals.
report var t: (u32, u32);
wasm:opcode:call:before {
    var local_pair: (u32, u32) = (1, 2);
    local_pair.1 = local_pair.1 + t.0;
    t.0 = t.0 + local_pair.0;
    t.1 = local_pair.1;
}
