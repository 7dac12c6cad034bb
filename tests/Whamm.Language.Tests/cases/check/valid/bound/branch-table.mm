wasm:opcode:br_table:before {
    var n: u32 = num_targets;
    var d: u32 = default_target;
    var t: u32 = target;
    var first: u32 = targets[0];
}
