var pair: (u32, i64);
wasm:opcode:call:before {
    pair.0 = fid;
    pair.1 = pair.1 + 1;
    var first: u32 = pair.0;
}
