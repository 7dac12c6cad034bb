// Groups of a call-free loop that run in every iteration (only blocks around them, no branch to the loop, out of it or
// to the end of those blocks before them) share one local counting the iterations; the arms of the diamond, the code
// after the exit and after the continue do not.
wasm:block:end { report var runs: u32; runs++; }
wasm:opcode:local.set:before { report var sets: u64; sets++; }
