wasm:opcode:call:before {
    var b: bool = fid as bool;
    var n: u32 = b as u32;
    var f: f64 = b as f64;
    var back: bool = f as bool;
}
