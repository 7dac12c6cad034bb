wasm:opcode:call(arg0: i64):before {
    var s: i64 = arg0 + fid;
}
