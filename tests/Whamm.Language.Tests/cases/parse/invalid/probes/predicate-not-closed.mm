wasm:opcode:call:before / fid == 1 {
    var x: i32;
}
