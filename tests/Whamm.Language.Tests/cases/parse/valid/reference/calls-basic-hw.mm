// §3.6 worked example: count calls from function 5 whose arg0 is an i32
wasm:opcode:call(arg0: i32):before / fid == 5 / {
    report unshared var count: u32;
    count = count + 1;
}
