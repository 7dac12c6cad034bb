wasm:opcode:call:before {
    var x: u32 = fid;
    unshared var copy: u32 = x;
}
