var hist: map<u8, u64>;
var pairs: map<(u16, u16), i8>;
wasm:opcode:call:before {
    hist[3] = 5000000000;
    pairs[(1, 2)] = -5;
    hist[200]++;
}
