// Independent mistakes are all reported, each once.
var total: u32;
wasm:opcode:call:before {
    total = fname;
    undefined_thing++;
    var b: bool = fid;
}
wasm:opcode:*:before / fid / { }
