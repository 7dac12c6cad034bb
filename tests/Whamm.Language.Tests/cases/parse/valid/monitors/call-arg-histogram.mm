// Histogram of the first argument of calls to `process`, in power-of-two buckets.
var buckets: map<u32, u32>;

fn bucket(v: u32) -> u32 {
    var b: u32 = 0;
    if (v >= 65536) { b = 16; } elif (v >= 256) { b = 8; } elif (v >= 16) { b = 4; } else { b = 0; }
    return b;
}

wasm:opcode:call(arg0: u32):before / target_fn_name == "process" / {
    buckets[bucket(arg0)]++;
}
