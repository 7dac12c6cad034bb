report var instructions: u64;
wasm:block:end {
    instructions = instructions + (instr_count as u64);
}
