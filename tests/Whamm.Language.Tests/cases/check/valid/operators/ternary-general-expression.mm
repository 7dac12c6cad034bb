// The ternary is a general expression (DECISIONS 2).
wasm:opcode:call:before {
    var x: u32 = (fid > 3 ? fid : pc) + 1;
    var label: str = fid == 0 ? "first" : "other";
    var nested: u8 = pc > 10 ? (pc > 20 ? 2 : 1) : 0;
}
