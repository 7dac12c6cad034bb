// dup_at repeats each memory.fill into a buffer of ours (a shadow memory), printed at the end.
// shadow = (buffer address, bytes used); a tuple, so its address gets no getter.
var shadow: (i32, u32);
wasm:begin { shadow.0 = whamm_core.mem_alloc(64); }
wasm:opcode:memory.fill:before {
    dup_at(memid(whamm_core), shadow.0 as u32 + shadow.1);
    shadow.1 = shadow.1 + arg0 as u32;
}
wasm:end {
    whamm_core.puts(shadow.0, shadow.1 as i32);
    whamm_core.putc(10);
}
