// Sample one in every 1000 instructions.
var ticks: u64;
var samples: map<(i32, i32), i32>;

wasm:opcode:*:before {
    ticks++;
    if (ticks % 1000 == 0) {
        samples[(fid as i32, opidx as i32)]++;
    }
}
