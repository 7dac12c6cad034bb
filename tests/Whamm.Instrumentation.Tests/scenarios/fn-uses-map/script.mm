// A function updating a map and a report variable from probes at different sites.
report var per_target: map<u32, u32>;
fn bump(target: u32, by: u32) {
    per_target[target] = per_target[target] + by;
}
wasm:opcode:call:before { bump(imm0, 1); }
wasm:opcode:call:before / imm0 == 0 / { bump(100, 10); }
