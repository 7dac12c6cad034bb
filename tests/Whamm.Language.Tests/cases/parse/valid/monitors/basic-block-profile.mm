// Basic-block profile: executions and instructions per block.
report var blocks_entered: u64;

wasm:block:start {
    blocks_entered++;
}

wasm:block:end {
    report unshared var executions: u64;
    report unshared var instructions: u64;
    executions++;
    instructions = instructions + (instr_count as u64);
}
