// Track memory.grow requests and failures.
report var requested_pages: u64;
report var failed_grows: u32;
report var peak_pages: i32;

wasm:opcode:memory.grow(arg0: u32):before {
    requested_pages = requested_pages + (arg0 as u64);
}

wasm:opcode:memory.grow:after {
    if (failed) {
        failed_grows++;
    } elif (res0 > peak_pages) {
        peak_pages = res0;
    }
}
