wasm:opcode:call:before {
    var fresh: map<u32, u32>;
    fresh[fid] = 1;
}
