// Like Whamm 1.0, a body is one scope: a variable declared in a branch is visible after it (zero when the branch did not run).
wasm:opcode:br_if:before {
    if (arg0 != 0) {
        var taken: u32 = 1;
    }
    taken = taken + 1;
}
