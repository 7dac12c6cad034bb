// §2.3/§3.4: function and basic-block events
report var entries: u32;
report var blocks: u64;
wasm:func:entry { entries++; }
wasm:func:exit { }
wasm:block:start { blocks++; }
wasm:block:end {
    report unshared var instrs: u32;
    instrs = instrs + instr_count;
}
