var calls: u32;
fn bump(by: u32) -> u32 {
    var before: u32 = calls;
    calls = calls + by;
    return before;
}
wasm:opcode:call:before { bump(1); }
