// A literal operand takes the type of the other operand.
wasm:opcode:call:before / fid == 3 || pc > 100 / {
    var n: u8 = 3;
    var m: u8 = n + 1;
    var big: u64 = 1;
    big = big * 1000;
}
