// Loop tracer: iterations of every loop, keyed by (function, pc).
// A loop's body is entered once per iteration; the loop is entered once per run.

report var iterations: map<(u32, u32), u64>;
report var runs: map<(u32, u32), u64>;

wasm:opcode:loop:before {
    runs[(fid, pc)]++;
}

wasm:opcode:loop:entry {
    iterations[(fid, pc)]++;
}
