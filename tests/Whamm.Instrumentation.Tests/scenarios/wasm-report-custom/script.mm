// wasm:report replaces the default flush.
report var calls: u32;
var adds: u32;
wasm:opcode:call:before { calls++; }
wasm:opcode:i32.add:before { adds++; }
wasm:report {
    whamm_core.putu32(calls as i32);
    whamm_core.putc(32);
    whamm_core.putu32(adds as i32);
    whamm_core.putc(10);
}
