fn sum(p: (u32, u32)) -> u32 { return p.0 + p.1; }
wasm:opcode:call:before {
    var s: u32 = sum((fid, pc));
}
