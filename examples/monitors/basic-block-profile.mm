// Basic-block profile: how often each basic block runs and how many
// instructions it executes in total.

report var blocks_run: u64;

wasm:block:start {
    blocks_run++;
}

wasm:block:end {
    report var executions: u64;
    report var instructions: u64;
    executions++;
    instructions = instructions + (instr_count as u64);
}
