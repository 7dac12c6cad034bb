// A body is one scope, as in Whamm 1.0: both branches declare the same variable.
wasm:opcode:br_if:before {
    if (arg0 == 0) { var n: u32 = 1; } else { var n: u32 = 2; }
}
