use filter;

// Only instrument sites the filter library accepts at match time.
wasm:opcode:call:before / @static filter.accept(fid as i32, pc as i32) == 1 / {
    report unshared var accepted: u32;
    accepted++;
}
