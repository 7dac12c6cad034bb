// Branch coverage: for every conditional branch, how often it was taken and
// how often it fell through. Each site gets its own pair of counters
// (`report var` inside a probe is one variable per match site).

wasm:opcode:br_if:before {
    report var taken: u32;
    report var not_taken: u32;
    if (arg0 != 0) {
        taken++;
    } else {
        not_taken++;
    }
}

wasm:opcode:if:before {
    report var then_branch: u32;
    report var else_branch: u32;
    if (arg0 != 0) {
        then_branch++;
    } else {
        else_branch++;
    }
}

// br_table: which arm is taken (`target` is the index, `num_targets` the default).
wasm:opcode:br_table:before {
    report var arms: map<u32, u32>;
    arms[target]++;
}
