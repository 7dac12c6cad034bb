// A literal on the left takes the type of a typed right operand.
wasm:opcode:call:before / 10 < fid / {
    var x: i64 = 0;
    x = 1 + x;
    var flag: bool = 255 == opidx;
}
