// Branches: per `if`/`br_if` site how often it ran and how often its condition was non-zero (then-arm entered,
// branch taken); per `br_table` site how often each target was chosen (`target` is the default's index when the
// operand is out of range).
wasm:opcode:if|br_if:before {
    report var taken: u32;
    report var total: u32;
    taken = taken + (arg0 != 0) as u32;
    total++;
}
wasm:opcode:br_table:before {
    report var chosen: map<u32, u32>;
    chosen[target]++;
}
