var total: u64;
fn add(n: u64) {
    total = total + n;
}
fn reset() { total = 0; return; }
wasm:opcode:call:before { add(1); reset(); }
