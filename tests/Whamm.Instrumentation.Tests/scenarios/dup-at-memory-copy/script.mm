// dup_at at memory.copy (after mode: the copy has happened) copies the same source bytes into ours.
// shadow = (buffer address, bytes used); a tuple, so its address gets no getter.
var shadow: (i32, u32);
var copies: u32;
wasm:begin { shadow.0 = whamm_core.mem_alloc(64); }
wasm:opcode:memory.copy:after {
    dup_at(memid(whamm_core), shadow.0 as u32 + shadow.1);
    shadow.1 = shadow.1 + arg0 as u32;
    copies++;
}
wasm:end {
    whamm_core.puts(shadow.0, shadow.1 as i32);
    whamm_core.putc(10);
}
