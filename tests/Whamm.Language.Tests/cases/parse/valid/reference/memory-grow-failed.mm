// §2.5: `failed` is derived from res0 in after probes
report var failures: u32;
wasm:opcode:memory.grow:after / failed / {
    failures++;
}
