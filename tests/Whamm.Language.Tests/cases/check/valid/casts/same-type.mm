wasm:opcode:call:before {
    var s: str = fname as str;
    var u: u32 = fid as u32;
}
