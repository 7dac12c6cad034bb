// Basic-block counts: how often each basic block ran (one report variable per block, bumped at its end).
wasm:block:end {
    report var count: u32;
    count++;
}
