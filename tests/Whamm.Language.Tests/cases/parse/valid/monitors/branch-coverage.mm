// Branch coverage: per br_if site, how often the branch was taken / not taken.
wasm:opcode:br_if(arg0: i32):before {
    report unshared var taken: u32;
    report unshared var not_taken: u32;
    if (arg0 != 0) {
        taken++;
    } else {
        not_taken++;
    }
}

wasm:opcode:if(arg0: i32):before {
    report unshared var then_count: u32;
    report unshared var else_count: u32;
    if (arg0 == 0) {
        else_count++;
    } else {
        then_count++;
    }
}
