// whamm_core is always available.
wasm:opcode:call:before {
    whamm_core.putu32(fid);
    whamm_core.putc(10);
    whamm_core.puti64(-1);
    whamm_core.putf64(0.25);
    whamm_core.putbool(1);
}
