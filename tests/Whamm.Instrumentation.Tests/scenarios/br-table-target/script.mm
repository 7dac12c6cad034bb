var trail: u32;
var ntargets: u32;
var defaults: u32;
var at_target: u32;
wasm:opcode:br_table:before { trail = trail * 10 + target; ntargets = num_targets; defaults = default_target; }
wasm:opcode:br_table:at_target { at_target++; }
