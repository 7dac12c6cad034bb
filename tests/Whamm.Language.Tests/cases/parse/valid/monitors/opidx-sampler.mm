// Instrument only the first instruction of each function (opidx 0) and every 16th one.
wasm:opcode:*:before / opidx == 0 || opidx % 16 == 0 / {
    report unshared var visits: u64;
    visits++;
}
