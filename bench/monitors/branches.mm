// Branch monitor: br_if outcomes (taken when the condition operand is non-zero; the `after` probe runs only on
// the fall-through).
var brif_taken: u64;
var brif_not_taken: u64;
wasm:opcode:br_if:before / arg0 != 0 / { brif_taken++; }
wasm:opcode:br_if:after { brif_not_taken++; }
