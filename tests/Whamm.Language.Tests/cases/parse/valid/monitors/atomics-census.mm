// Atomic read-modify-write operations by data size.
var by_size: map<u32, u32>;

wasm:opcode:*.atomic.rmw*:before {
    by_size[data_size]++;
}

wasm:opcode:memory.atomic.wait32|memory.atomic.wait64:before {
    report unshared var waits: u32;
    waits++;
}
